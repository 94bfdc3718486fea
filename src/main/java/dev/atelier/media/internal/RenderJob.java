package dev.atelier.media.internal;

import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetVersionAdded;
import dev.atelier.storage.BlobKey;
import java.util.UUID;

/** One version to render, as a db-scheduler job: its id is {@code assetId/version}, its data this record as text. */
record RenderJob(AssetId asset, int version, BlobKey blobKey, String mediaType) {

    static RenderJob of(AssetVersionAdded event) {
        return new RenderJob(event.assetId(), event.version(), event.blobKey(), event.mediaType());
    }

    String id() {
        return asset + "/" + version;
    }

    String encode() {
        return String.join("|", asset.toString(), Integer.toString(version), blobKey.sha256(), mediaType);
    }

    static RenderJob decode(String text) {
        String[] parts = text.split("\\|", 4);
        return new RenderJob(new AssetId(UUID.fromString(parts[0])), Integer.parseInt(parts[1]), new BlobKey(parts[2]), parts[3]);
    }
}
