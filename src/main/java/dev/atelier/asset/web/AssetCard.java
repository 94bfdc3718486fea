package dev.atelier.asset.web;

import dev.atelier.asset.Asset;
import java.util.Locale;
import java.util.Map;

/** What a library card shows. */
record AssetCard(String id, String title, String typeLabel, int version) {

    private static final Map<String, String> LABELS = Map.of("image/jpeg", "JPEG", "image/png", "PNG", "image/gif", "GIF",
            "image/webp", "WebP", "image/tiff", "TIFF", "application/pdf", "PDF", "image/svg+xml", "SVG");

    static AssetCard of(Asset a) {
        return new AssetCard(a.id().toString(), a.title(), label(a.currentVersion().mediaType()), a.currentVersion().number());
    }

    static String label(String mediaType) {
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
