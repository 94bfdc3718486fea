package dev.atelier.metadata;

import dev.atelier.asset.AssetId;
import java.time.Instant;
import java.util.Optional;

/**
 * The text found in one version, for full-text search.
 *
 * @param source where the text came from; empty unless {@code status} is {@code EXTRACTED}
 * @param length characters kept (at most {@code atelier.metadata.text.max-chars})
 * @param truncated whether the file held more text than was kept
 * @param reason why there is no text, unless {@code status} is {@code EXTRACTED} or {@code PENDING}
 */
public record VersionText(AssetId assetId, int version, Status status, Optional<Source> source, String text, boolean truncated,
        Optional<String> reason, Instant at) {

    /**
     * {@code UNSUPPORTED}: the type has no text we read (video, audio); {@code UNAVAILABLE}: a tool
     * it needs is not installed (tesseract for OCR); {@code FAILED}: the file could not be read.
     */
    public enum Status { PENDING, EXTRACTED, UNSUPPORTED, UNAVAILABLE, FAILED }

    public enum Source { DOCUMENT, OCR }

    public int length() {
        return text.length();
    }

    /** The first {@code max} characters, cut at a space where one is near. */
    public String excerpt(int max) {
        if (text.length() <= max) {
            return text;
        }
        int cut = text.lastIndexOf(' ', max);
        return text.substring(0, cut > max * 3 / 4 ? cut : max) + "…";
    }

    static VersionText pending(AssetId id, int version) {
        return new VersionText(id, version, Status.PENDING, Optional.empty(), "", false, Optional.empty(), Instant.EPOCH);
    }
}
