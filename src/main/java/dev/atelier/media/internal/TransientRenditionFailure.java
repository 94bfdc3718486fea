package dev.atelier.media.internal;

/** A rendition job failed for a reason that may pass (workers or storage unavailable): try again later. */
class TransientRenditionFailure extends RuntimeException {

    TransientRenditionFailure(String message) {
        super(message);
    }
}
