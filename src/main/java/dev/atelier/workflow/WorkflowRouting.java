package dev.atelier.workflow;

import dev.atelier.asset.AssetId;
import dev.atelier.brief.Brief;
import dev.atelier.brief.BriefRule.Condition;
import dev.atelier.brief.BriefRule.Operator;
import dev.atelier.brief.BriefRuleManagement;
import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import dev.atelier.metadata.FieldManagement;
import dev.atelier.metadata.FieldValidationException;
import dev.atelier.shared.Ids;
import dev.atelier.shared.NotFoundException;
import dev.atelier.workflow.internal.RoutingRules;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Routing: which template reviews an asset and which stages are added to it, from the asset's
 * custom fields and its brief. Also which workflow template the drafts of a brief template start.
 */
@Service
public class WorkflowRouting {

    private final RoutingRules rules;
    private final WorkflowTemplateManagement templates;
    private final BriefRuleManagement briefRules;
    private final FieldManagement fields;
    private final Clock clock;
    private final dev.atelier.brief.BriefTemplateManagement briefTemplates;
    private final org.springframework.context.ApplicationEventPublisher events;

    WorkflowRouting(RoutingRules rules, WorkflowTemplateManagement templates, BriefRuleManagement briefRules, FieldManagement fields, Clock clock,
            dev.atelier.brief.BriefTemplateManagement briefTemplates, org.springframework.context.ApplicationEventPublisher events) {
        this.briefTemplates = briefTemplates;
        this.events = events;
        this.rules = rules;
        this.templates = templates;
        this.briefRules = briefRules;
        this.fields = fields;
        this.clock = clock;
    }

    /** The template and stages routing gives; {@code base} is the template chosen before routing, if any. */
    public record Route(Optional<WorkflowTemplate> template, WorkflowDefinition definition, List<String> matched) {}

    @Transactional
    public RoutingRule create(Actor actor, String name, List<Condition> conditions, Optional<UUID> template, Optional<String> addStage) {
        actor.require(Role.ADMIN);
        if (name.isBlank() || conditions.isEmpty() || template.isEmpty() && addStage.isEmpty()) {
            throw FieldValidationException.of("rule", "A routing rule needs a name, at least one condition, and a template to pick or a stage to add.");
        }
        template.ifPresent(t -> templates.get(actor, t));
        addStage.ifPresent(WorkflowRouting::stage);
        var rule = new RoutingRule(Ids.uuidV7(clock), name.strip(), rules.nextPosition(), conditions, template, addStage, true);
        rules.insert(rule, clock.instant());
        events.publishEvent(new WorkflowSetupChanged(rule.id(), actor.id(), "routing-rule.created", "name=" + rule.name()));
        return rule;
    }

    @Transactional
    public void delete(Actor actor, UUID id) {
        actor.require(Role.ADMIN);
        RoutingRule rule = rules.find(id).orElseThrow(() -> new NotFoundException("routing rule " + id));
        rules.delete(id);
        events.publishEvent(new WorkflowSetupChanged(id, actor.id(), "routing-rule.deleted", "name=" + rule.name()));
    }

    @Transactional(readOnly = true)
    public List<RoutingRule> all(Actor actor) {
        actor.require(Role.VIEWER);
        return rules.all();
    }

    /**
     * Saves a template written on the admin page and which of the brief templates start it, in one
     * transaction: {@code starting} among {@code considered} start it, the others of {@code considered} no longer do.
     */
    @Transactional
    public WorkflowTemplate saveTemplate(Actor actor, Optional<UUID> id, String yaml, Optional<Long> revision, java.util.Set<UUID> starting,
            List<UUID> considered) {
        WorkflowTemplate t = id.isPresent() ? templates.change(actor, id.get(), yaml, revision) : templates.create(actor, yaml);
        for (UUID briefTemplate : considered) {
            boolean uses = rules.forBriefs(briefTemplate).map(t.id()::equals).orElse(false);
            if (starting.contains(briefTemplate) != uses) {
                useForBriefs(actor, briefTemplate, starting.contains(briefTemplate) ? Optional.of(t.id()) : Optional.empty());
            }
        }
        return t;
    }

    /** Drafts uploaded into briefs of {@code briefTemplate} start a review on {@code workflowTemplate} (empty: none). */
    @Transactional
    public void useForBriefs(Actor actor, UUID briefTemplate, Optional<UUID> workflowTemplate) {
        actor.require(Role.ADMIN);
        briefTemplates.get(actor, briefTemplate);
        workflowTemplate.ifPresent(t -> templates.get(actor, t));
        rules.useForBriefs(briefTemplate, workflowTemplate);
        events.publishEvent(new WorkflowSetupChanged(briefTemplate, actor.id(), "brief-template.workflow",
                "workflowTemplate=" + workflowTemplate.map(UUID::toString).orElse("none")));
    }

    @Transactional(readOnly = true)
    public Optional<UUID> forBriefs(UUID briefTemplate) {
        return rules.forBriefs(briefTemplate);
    }

    /**
     * Applies the rules in order to the asset (and its brief).
     *
     * @throws FieldValidationException when no template was given and no rule picks one
     */
    @Transactional(readOnly = true)
    public Route route(Actor actor, AssetId asset, Optional<Brief> brief, Optional<WorkflowTemplate> given) {
        Optional<WorkflowTemplate> template = given;
        List<StageDefinition> added = new ArrayList<>();
        List<String> matched = new ArrayList<>();
        for (RoutingRule r : rules.all()) {
            if (r.enabled() && r.conditions().stream().allMatch(c -> holds(actor, c, asset, brief))) {
                matched.add(r.name());
                if (template.isEmpty() && r.template().isPresent()) {
                    template = templates.find(r.template().get());
                }
                r.addStage().map(WorkflowRouting::stage).filter(s -> added.stream().noneMatch(a -> a.key().equals(s.key()))).ifPresent(added::add);
            }
        }
        WorkflowDefinition base = template.map(WorkflowTemplate::definition)
                .orElseThrow(() -> FieldValidationException.of("template", "Choose a workflow template: no routing rule picks one for this asset."));
        List<StageDefinition> stages = new ArrayList<>(base.stages());
        added.stream().filter(s -> base.stage(s.key()).isEmpty()).forEach(stages::add);
        return new Route(template, new WorkflowDefinition(base.name(), base.description(), stages), matched);
    }

    private boolean holds(Actor actor, Condition c, AssetId asset, Optional<Brief> brief) {
        if (c.field().startsWith("field.")) {
            String key = c.field().substring("field.".length());
            List<String> values = fields.of(actor, asset).entries().stream().filter(e -> e.field().key().equals(key))
                    .flatMap(e -> e.values().stream()).map(v -> v.toLowerCase(Locale.ROOT)).toList();
            String wanted = c.value().toLowerCase(Locale.ROOT);
            return switch (c.operator()) {
                case IS -> values.contains(wanted);
                case IS_NOT -> !values.contains(wanted);
                case CONTAINS -> values.stream().anyMatch(v -> v.contains(wanted));
                case IS_SET -> !values.isEmpty();
                case GREATER_THAN -> false;
            };
        }
        if (c.field().equals("legal-review")) {
            boolean legal = brief.map(Brief::legalReviewRequired).orElse(false);
            return c.operator() == Operator.IS_NOT ? !legal : legal;
        }
        return brief.map(b -> briefRules.holds(b, List.of(c))).orElse(false);
    }

    /** One stage of a template's YAML. */
    static StageDefinition stage(String yaml) {
        String indented = yaml.strip().lines().map(l -> "    " + l).reduce((a, b) -> a + "\n" + b).orElse("");
        return WorkflowYaml.parse("name: added\nstages:\n  -\n" + indented).stages().getFirst();
    }
}
