package dev.atelier.workflow;

import java.util.Locale;

/** What a reviewer decides about a version. */
public enum Verdict {
    APPROVE, APPROVE_WITH_CHANGES, REQUEST_CHANGES, REJECT;

    /** Approvals, with or without small changes, count towards a stage's quorum. */
    public boolean approves() {
        return this == APPROVE || this == APPROVE_WITH_CHANGES;
    }

    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String label() {
        return switch (this) {
            case APPROVE -> "Approved";
            case APPROVE_WITH_CHANGES -> "Approved with changes";
            case REQUEST_CHANGES -> "Changes requested";
            case REJECT -> "Rejected";
        };
    }

    /** @throws IllegalArgumentException naming the verdicts */
    public static Verdict fromSlug(String slug) {
        for (Verdict v : values()) {
            if (v.slug().equals(slug.strip().toLowerCase(Locale.ROOT).replace('_', '-'))) {
                return v;
            }
        }
        throw new IllegalArgumentException("'" + slug + "' is not a decision: approve, approve-with-changes, request-changes or reject.");
    }
}
