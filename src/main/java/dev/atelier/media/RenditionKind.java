package dev.atelier.media;

import dev.atelier.shared.NotFoundException;
import java.util.Locale;

/**
 * The stored renditions, by the longest edge they fit in: a thumbnail and a preview image for
 * everything previewable (a poster frame for video, a waveform for audio), a playable proxy for
 * video (H.264/AAC MP4, 720p) and audio (AAC), and a filmstrip of frames for scrubbing video.
 */
public enum RenditionKind {
    THUMBNAIL(400), PREVIEW(2048), PROXY(720), FILMSTRIP(1600);

    private final int maxEdge;

    RenditionKind(int maxEdge) {
        this.maxEdge = maxEdge;
    }

    public int maxEdge() {
        return maxEdge;
    }

    /** Whether a file of the (sniffed) media type gets this rendition. */
    public boolean appliesTo(String mediaType) {
        return switch (this) {
            case THUMBNAIL, PREVIEW -> true;
            case PROXY -> mediaType.startsWith("video/") || mediaType.startsWith("audio/");
            case FILMSTRIP -> mediaType.startsWith("video/");
        };
    }

    /** The kinds a file of the media type gets, in order. */
    public static java.util.List<RenditionKind> forType(String mediaType) {
        return java.util.Arrays.stream(values()).filter(k -> k.appliesTo(mediaType)).toList();
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
