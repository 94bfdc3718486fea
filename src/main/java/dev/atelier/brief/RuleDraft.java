package dev.atelier.brief;

import java.util.List;

/** What an admin submits to create or change a brief rule. */
public record RuleDraft(String name, List<BriefRule.Condition> conditions, String disclaimer, boolean legalReview, String mandatoryStep,
        boolean enabled) {

    public RuleDraft {
        name = name.strip();
        conditions = conditions.stream().map(c -> new BriefRule.Condition(c.field().strip().toLowerCase(java.util.Locale.ROOT), c.operator(),
                c.value() == null ? "" : c.value().strip())).toList();
        disclaimer = disclaimer.strip();
        mandatoryStep = mandatoryStep.strip();
    }
}
