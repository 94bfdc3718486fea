package dev.atelier.workflow;

import dev.atelier.brief.BriefRule.Condition;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * When all conditions hold for the asset (and its brief), the rule picks the workflow template
 * (the first matching rule that names one wins) and/or adds a stage. Conditions test brief fields
 * as brief rules do ({@code market}, {@code channel}, a field key, {@code title}),
 * {@code legal-review} (a brief rule asked for legal review), or the asset's custom fields
 * ({@code field.<key>}).
 *
 * @param addStage a stage, written as one stage of a template's YAML
 */
public record RoutingRule(UUID id, String name, int position, List<Condition> conditions, Optional<UUID> template, Optional<String> addStage,
        boolean enabled) {

    public RoutingRule {
        conditions = List.copyOf(conditions);
    }
}
