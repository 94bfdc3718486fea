package dev.atelier.media;

import dev.atelier.shared.NotFoundException;
import java.util.Locale;

/** The renditions every image gets, by the longest edge they fit in. */
public enum RenditionKind {
    THUMBNAIL(400), PREVIEW(2048);

    private final int maxEdge;

    RenditionKind(int maxEdge) {
        this.maxEdge = maxEdge;
    }

    public int maxEdge() {
        return maxEdge;
    }

    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws NotFoundException for names that are not a rendition */
    public static RenditionKind fromSlug(String slug) {
        for (RenditionKind kind : values()) {
            if (kind.slug().equals(slug)) {
                return kind;
            }
        }
        throw new NotFoundException("rendition '" + slug + "'");
    }
}
