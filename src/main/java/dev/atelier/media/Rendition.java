package dev.atelier.media;

import dev.atelier.asset.AssetId;
import dev.atelier.storage.BlobKey;
import java.time.Instant;
import java.util.Optional;

/** One rendition of one asset version; {@code blobKey} is present when {@code READY}. */
public record Rendition(AssetId assetId, int version, RenditionKind kind, RenditionStatus status, Optional<BlobKey> blobKey,
        Optional<String> mediaType, int width, int height, Optional<String> reason, Instant updatedAt) {

    public static Rendition pending(AssetId assetId, int version, RenditionKind kind, Instant at) {
        return new Rendition(assetId, version, kind, RenditionStatus.PENDING, Optional.empty(), Optional.empty(), 0, 0,
                Optional.empty(), at);
    }
}
