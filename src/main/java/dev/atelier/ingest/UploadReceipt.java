package dev.atelier.ingest;

import java.util.List;

/**
 * What an upload created: the asset, the version number and the verified content facts.
 *
 * @param duplicateOf other assets that already held this exact content (with the {@code warn} policy)
 * @param namingWarnings naming conventions the file name does not follow (those that warn rather than reject)
 */
public record UploadReceipt(String id, int version, String sha256, long size, String mediaType, String filename, String title,
        List<ExistingAsset> duplicateOf, List<String> namingWarnings) {

    /** An asset that already holds the content, with its page. */
    public record ExistingAsset(String id, String title, String href) {}
}
