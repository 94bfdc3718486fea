package dev.atelier.proofing;

import dev.atelier.shared.ProblemException;
import java.net.URI;

/** An annotation's place or text that cannot be stored: a 400 problem of type {@code /problems/invalid-annotation}. */
public class InvalidAnnotationException extends ProblemException {

    public static final URI TYPE = URI.create("/problems/invalid-annotation");

    public InvalidAnnotationException(String detail) {
        super(400, TYPE, "Invalid annotation", detail);
    }
}
