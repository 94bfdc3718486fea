package dev.atelier.workflow;

/** Where a stage is: waiting for the stages before it, open for decisions, or closed with an outcome. */
public enum StageStatus {
    WAITING, ACTIVE, PASSED, CHANGES_REQUESTED, REJECTED, CANCELLED;

    public boolean closed() {
        return this != WAITING && this != ACTIVE;
    }
}
