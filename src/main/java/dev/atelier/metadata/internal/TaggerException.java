package dev.atelier.metadata.internal;

/** The tagger could not be asked, or its answer was not one; the job tries again, then records the message. */
class TaggerException extends RuntimeException {

    TaggerException(String message) {
        super(message);
    }

    TaggerException(String message, Throwable cause) {
        super(message, cause);
    }
}
