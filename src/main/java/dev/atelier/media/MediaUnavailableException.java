package dev.atelier.media;

/** The media workers could not be started or the work could not be stored: a passing state, worth trying again later. */
public class MediaUnavailableException extends RuntimeException {

    public MediaUnavailableException(String message) {
        super(message);
    }
}
