package dev.atelier.brief;

/**
 * Where a brief is in intake. Drafts and returned briefs are edited by their owner; a submitted
 * brief passed every check and waits for a reviewer; accepted briefs are work (their progress is
 * the column of their card on a board); rejected briefs are closed.
 */
public enum BriefStatus {
    DRAFT, SUBMITTED, RETURNED, ACCEPTED, REJECTED;

    /** Whether the owner may still change the brief's fields. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }

    /** Whether the brief belongs on a board: it passed intake validation and was not sent back. */
    public boolean onBoard() {
        return this == SUBMITTED || this == ACCEPTED;
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
