package dev.atelier.asset;

import dev.atelier.identity.UserId;
import dev.atelier.storage.BlobKey;

/** A new version (v1 for a new asset) was committed; its blob is in place. */
public record AssetVersionAdded(AssetId assetId, int version, BlobKey blobKey, String mediaType, String filename,
        UserId by) {
}
