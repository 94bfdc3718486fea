package dev.atelier.shared;

/** A request that is well-formed HTTP but says something Atelier cannot do; a 400 problem. */
public class InvalidRequestException extends ProblemException {

    public InvalidRequestException(String message) {
        super(400, Problems.INVALID_REQUEST, "Invalid request", message);
    }
}
