package dev.atelier.ingest;

import java.util.List;

/**
 * What an upload created: the asset, the version number and the verified content facts.
 *
 * @param duplicateOf other assets that already held this exact content (with the {@code warn} policy)
 */
public record UploadReceipt(String id, int version, String sha256, long size, String mediaType, String filename, String title,
        List<ExistingAsset> duplicateOf) {

    /** An asset that already holds the content, with its page. */
    public record ExistingAsset(String id, String title, String href) {}
}
