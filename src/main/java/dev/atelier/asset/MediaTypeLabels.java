package dev.atelier.asset;

import java.util.Locale;
import java.util.Map;

/** Short names people recognise for media types: {@code image/jpeg} → JPEG, {@code video/quicktime} → QUICKTIME. */
public final class MediaTypeLabels {

    private static final Map<String, String> LABELS = Map.of("image/jpeg", "JPEG", "image/png", "PNG", "image/gif", "GIF",
            "image/webp", "WebP", "image/tiff", "TIFF", "application/pdf", "PDF", "image/svg+xml", "SVG");

    private MediaTypeLabels() {
    }

    public static String of(String mediaType) {
        String known = LABELS.get(mediaType);
        if (known != null) {
            return known;
        }
        int slash = mediaType.indexOf('/');
        String sub = slash < 0 ? mediaType : mediaType.substring(slash + 1);
        sub = sub.replaceFirst("^(x-|vnd\\.)", "");
        return sub.length() > 12 ? mediaType.substring(0, Math.max(slash, 0)).toUpperCase(Locale.ROOT) : sub.toUpperCase(Locale.ROOT);
    }
}
