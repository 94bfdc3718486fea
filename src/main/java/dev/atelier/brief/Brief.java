package dev.atelier.brief;

import dev.atelier.identity.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A brief: what is to be made, for whom, by when and how it will be judged.
 *
 * @param values the template fields' values by key; a field without a value is absent
 * @param criteria the acceptance criteria, a checklist reviewers tick later
 * @param notes what the admin rules added at the last save (disclaimers, mandatory steps)
 * @param board the board its card is on once submitted
 * @param revision grows with every change (ETag / If-Match)
 * @param decision the last intake decision: who accepted, returned or rejected it, when, and why
 */
public record Brief(BriefId id, UUID template, String title, UserId owner, List<UserId> assignees, BriefStatus status,
        Optional<LocalDate> due, Optional<UUID> board, Map<String, BriefValue> values, List<Criterion> criteria, List<BriefNote> notes,
        long revision, Instant createdAt, Instant updatedAt, Optional<Instant> submittedAt, Optional<IntakeDecision> decision) {

    public static final int MAX_TITLE = 200;

    public Brief {
        assignees = List.copyOf(assignees);
        values = Map.copyOf(values);
        criteria = List.copyOf(criteria);
        notes = List.copyOf(notes);
    }

    public Optional<BriefValue> value(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** Whether a rule marked the brief as needing legal review. */
    public boolean legalReviewRequired() {
        return notes.stream().anyMatch(BriefNote::legalReview);
    }

    /** Past its due date and not closed (due today is not overdue). */
    public boolean overdue(LocalDate today) {
        return status != BriefStatus.REJECTED && due.map(today::isAfter).orElse(false);
    }

    /** One acceptance criterion; {@code met} is ticked by a reviewer. */
    public record Criterion(String text, boolean met) {}

    /** @param comment why it was returned or rejected; empty for an acceptance without one */
    public record IntakeDecision(UserId by, Instant at, String comment) {}
}
