package dev.atelier.shared;

/** The request is sound but clashes with what is stored (a name taken, a value still in use); a 409 problem. */
public class ConflictException extends ProblemException {

    public ConflictException(String message) {
        super(409, Problems.CONFLICT, "Conflict", message);
    }
}
