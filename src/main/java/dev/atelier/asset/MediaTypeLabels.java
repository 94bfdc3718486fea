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

    /** The broad kind people filter by and schemas apply to: image, video, audio, document or other. */
    public static String kind(String mediaType) {
        String major = mediaType.substring(0, Math.max(mediaType.indexOf('/'), 0));
        return switch (major) {
            case "image", "video", "audio" -> major;
            case "text" -> "document";
            default -> isDocument(mediaType) ? "document" : "other";
        };
    }

    private static boolean isDocument(String mediaType) {
        return mediaType.equals("application/pdf") || mediaType.equals("application/rtf") || mediaType.contains("officedocument")
                || mediaType.contains("msword") || mediaType.contains("ms-excel") || mediaType.contains("ms-powerpoint")
                || mediaType.contains("opendocument");
    }
}
