package dev.atelier.asset;

import dev.atelier.identity.UserId;
import dev.atelier.storage.BlobKey;
import java.time.Instant;

/** One immutable upload of an asset's content. Numbers start at 1 and have no gaps. */
public record AssetVersion(int number, BlobKey blobKey, long size, String mediaType, String originalFilename,
        UserId uploadedBy, Instant uploadedAt) {
}
