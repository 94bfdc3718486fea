package dev.atelier.workflow;

/** How far a reviewer got in a stage; the owner sees it per reviewer. */
public enum ReviewerState {
    /** The stage has not started. */
    PENDING, SENT, OPENED, COMMENTED, DECIDED
}
