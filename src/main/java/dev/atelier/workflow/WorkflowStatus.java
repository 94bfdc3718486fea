package dev.atelier.workflow;

/** A review round: running, or over with its outcome. */
public enum WorkflowStatus {
    RUNNING, APPROVED, CHANGES_REQUESTED, REJECTED, CANCELLED;

    public String label() {
        return switch (this) {
            case RUNNING -> "In review";
            case APPROVED -> "Approved";
            case CHANGES_REQUESTED -> "Changes requested";
            case REJECTED -> "Rejected";
            case CANCELLED -> "Cancelled";
        };
    }
}
