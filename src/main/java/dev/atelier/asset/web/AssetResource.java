package dev.atelier.asset.web;

import dev.atelier.asset.Asset;
import dev.atelier.asset.AssetVersion;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The API's JSON view of an asset. */
/**
 * @param status {@code active} or {@code trashed}
 * @param reviewState where the review of the current version stands: {@code not-reviewed}, {@code in-review},
 *     {@code changes-requested}, {@code rejected}, {@code approved}
 */
record AssetResource(String id, String title, String description, String status, String reviewState, boolean confidential, String ownerId, int version, long revision,
        Instant createdAt, Instant updatedAt, @Nullable Instant trashedAt, List<VersionResource> versions,
        Map<String, String> links) {

    record VersionResource(int number, String sha256, long size, String mediaType, String filename, String uploadedBy,
            Instant uploadedAt, String content) {

        static VersionResource of(String assetId, AssetVersion v) {
            return new VersionResource(v.number(), v.blobKey().sha256(), v.size(), v.mediaType(), v.originalFilename(),
                    v.uploadedBy().toString(), v.uploadedAt(), "/api/v1/assets/" + assetId + "/versions/" + v.number() + "/content");
        }
    }

    static AssetResource of(Asset a, dev.atelier.asset.ReviewState reviewState) {
        String id = a.id().toString();
        String base = "/api/v1/assets/" + id;
        return new AssetResource(id, a.title(), a.description(), a.status().name().toLowerCase(), reviewState.slug(), a.confidential(), a.ownerId().toString(),
                a.currentVersion().number(), a.revision(), a.createdAt(), a.updatedAt(), a.trashedAt().orElse(null),
                a.versions().stream().map(v -> VersionResource.of(id, v)).toList(),
                Map.of("self", base, "content", base + "/content", "thumbnail", base + "/renditions/thumbnail",
                        "preview", base + "/renditions/preview"));
    }

    static String etag(Asset a) {
        return dev.atelier.asset.AssetEtags.of(a.revision());
    }
}
