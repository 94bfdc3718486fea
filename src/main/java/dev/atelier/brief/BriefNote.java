package dev.atelier.brief;

import java.util.UUID;

/**
 * What a rule added to a brief: a disclaimer to carry, legal review required, a mandatory step.
 *
 * @param mandatoryStep empty when the rule adds none
 */
public record BriefNote(UUID rule, String ruleName, String disclaimer, boolean legalReview, String mandatoryStep) {}
