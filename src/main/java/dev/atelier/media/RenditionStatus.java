package dev.atelier.media;

/** Where a rendition stands; {@code UNSUPPORTED} means the type has no preview, not an error. */
public enum RenditionStatus {
    PENDING, READY, FAILED, UNSUPPORTED
}
