package dev.atelier.media.internal;

/** The file claims an image type but cannot be decoded. */
class UnreadableImageException extends Exception {

    UnreadableImageException(String message) {
        super(message);
    }
}
