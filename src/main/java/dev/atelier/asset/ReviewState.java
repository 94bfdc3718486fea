package dev.atelier.asset;

import java.util.Locale;

/** Where the review of one version stands; search calls it {@code status} ({@code status:approved}). */
public enum ReviewState {
    NOT_REVIEWED, IN_REVIEW, CHANGES_REQUESTED, REJECTED, APPROVED;

    /** The word in queries, facets and the API: {@code not-reviewed}, {@code in-review}, ... */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The state a {@link #slug} names, if any. */
    public static java.util.Optional<ReviewState> ofSlug(String slug) {
        return java.util.Arrays.stream(values()).filter(s -> s.slug().equals(slug)).findFirst();
    }

    public String label() {
        return switch (this) {
            case NOT_REVIEWED -> "Not reviewed";
            case IN_REVIEW -> "In review";
            case CHANGES_REQUESTED -> "Changes requested";
            case REJECTED -> "Rejected";
            case APPROVED -> "Approved";
        };
    }
}
