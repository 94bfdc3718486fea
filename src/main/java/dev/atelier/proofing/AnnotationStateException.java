package dev.atelier.proofing;

import dev.atelier.shared.ConflictException;

/** A resolve, reopen, address or confirm that does not fit the current state; a 409 problem. */
public class AnnotationStateException extends ConflictException {

    public AnnotationStateException(String message) {
        super(message);
    }
}
