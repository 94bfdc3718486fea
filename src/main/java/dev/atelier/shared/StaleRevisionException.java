package dev.atelier.shared;

/** The caller changed a revision that is no longer current (If-Match); it must reload and retry. A 412. */
public class StaleRevisionException extends ProblemException {

    public StaleRevisionException(String what) {
        super(412, Problems.STALE_WRITE, "Stale write", what + " has changed since you loaded it; reload it and apply your change again.");
    }
}
