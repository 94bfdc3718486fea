package dev.atelier.media.internal;

/** The header announces more pixels than allowed; the image was not decoded. */
class ImageTooLargeException extends Exception {

    ImageTooLargeException(long width, long height, long max) {
        super("the image is " + width + "×" + height + " pixels, more than the limit of " + max / 1_000_000 + " megapixels");
    }
}
