package dev.atelier.brief;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An admin rule evaluated on every save of a brief: when all its conditions hold, the brief
 * carries the disclaimer, needs legal review and/or a mandatory step. Rules are data, edited in
 * the UI.
 */
public record BriefRule(UUID id, String name, List<Condition> conditions, String disclaimer, boolean legalReview, String mandatoryStep,
        boolean enabled, Instant createdAt) {

    public BriefRule {
        conditions = List.copyOf(conditions);
    }

    /**
     * One test on a field of the brief.
     *
     * @param field a template field key (the same key in any template), or {@code title}
     * @param value compared without regard to case; for channel and market fields a term label
     *              (its synonyms and narrower terms match too)
     */
    public record Condition(String field, Operator operator, String value) {}

    public enum Operator {
        /** The field holds the value (one of several for multi-valued fields). */
        IS,
        /** The field does not hold the value (or is empty). */
        IS_NOT,
        /** Text fields contain the value; list fields hold an item containing it. */
        CONTAINS,
        /** The field is filled. */
        IS_SET,
        /** Numbers and money amounts above the value. */
        GREATER_THAN
    }
}
