package dev.atelier.search.internal;

import dev.atelier.asset.AssetId;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the index knows of one asset, engine-neutral. {@code revision} is the asset's own; the
 * catch-up at start re-indexes every asset whose revision differs.
 *
 * @param filenames the original file name of every version, newest first
 * @param readers the principals allowed to see the asset ({@code role:viewer}, {@code user:<id>})
 */
record AssetDocument(AssetId id, long revision, String title, String description, List<String> filenames, String type,
        String mediaType, String owner, boolean trashed, Instant createdAt, Instant updatedAt, long size, int versions,
        Set<String> readers) {
}
