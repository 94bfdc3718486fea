package dev.atelier.asset;

import dev.atelier.storage.BlobKey;

/** Content already committed to the blob store, about to become a version. */
public record NewContent(BlobKey blobKey, long size, String mediaType, String filename) {
}
