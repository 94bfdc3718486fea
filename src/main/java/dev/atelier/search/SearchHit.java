package dev.atelier.search;

import dev.atelier.asset.AssetId;
import java.time.Instant;

/**
 * One matching asset, with what a result list shows; the rest is one request away.
 *
 * @param status where the review of the current version stands ({@link dev.atelier.asset.ReviewState#slug})
 */
public record SearchHit(AssetId id, String title, String mediaType, int version, long size, Instant createdAt,
        boolean trashed, String status) {
}
