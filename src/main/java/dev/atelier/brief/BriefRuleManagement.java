package dev.atelier.brief;

import dev.atelier.brief.BriefRule.Condition;
import dev.atelier.brief.BriefRule.Operator;
import dev.atelier.brief.internal.BriefRules;
import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import dev.atelier.metadata.FieldValidationException;
import dev.atelier.metadata.FieldValidationException.FieldError;
import dev.atelier.shared.Ids;
import dev.atelier.shared.NotFoundException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Legal and regulatory rules for briefs, kept as data: admins edit them; every save of a brief
 * evaluates them (see {@link BriefManagement}). A changed rule reaches existing briefs at their
 * next save.
 */
@Service
public class BriefRuleManagement {

    private final BriefRules rules;
    private final BriefTemplateManagement templates;
    private final dev.atelier.metadata.TaxonomyManagement taxonomy;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BriefRuleManagement(BriefRules rules, BriefTemplateManagement templates, dev.atelier.metadata.TaxonomyManagement taxonomy,
            ApplicationEventPublisher events, Clock clock) {
        this.rules = rules;
        this.templates = templates;
        this.taxonomy = taxonomy;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public BriefRule create(Actor actor, RuleDraft draft) {
        actor.require(Role.ADMIN);
        validate(draft);
        var rule = new BriefRule(Ids.uuidV7(clock), draft.name(), draft.conditions(), draft.disclaimer(), draft.legalReview(),
                draft.mandatoryStep(), draft.enabled(), clock.instant());
        rules.insert(rule);
        events.publishEvent(new BriefSetupChanged(rule.id(), actor.id(), "brief-rule.created", "name=" + rule.name()));
        return rule;
    }

    @Transactional
    public BriefRule change(Actor actor, UUID id, RuleDraft draft) {
        actor.require(Role.ADMIN);
        BriefRule current = get(actor, id);
        validate(draft);
        var rule = new BriefRule(id, draft.name(), draft.conditions(), draft.disclaimer(), draft.legalReview(), draft.mandatoryStep(),
                draft.enabled(), current.createdAt());
        rules.update(rule);
        events.publishEvent(new BriefSetupChanged(id, actor.id(), "brief-rule.changed", "name=" + rule.name()));
        return rule;
    }

    /** Removes the rule and the notes it added to briefs. */
    @Transactional
    public void delete(Actor actor, UUID id) {
        actor.require(Role.ADMIN);
        BriefRule rule = get(actor, id);
        rules.delete(id);
        events.publishEvent(new BriefSetupChanged(id, actor.id(), "brief-rule.deleted", "name=" + rule.name()));
    }

    @Transactional(readOnly = true)
    public BriefRule get(Actor actor, UUID id) {
        actor.require(Role.VIEWER);
        return rules.find(id).orElseThrow(() -> new NotFoundException("brief rule " + id));
    }

    @Transactional(readOnly = true)
    public List<BriefRule> all(Actor actor) {
        actor.require(Role.VIEWER);
        return rules.all();
    }

    /**
     * Whether every condition holds for the brief, evaluated as rules are (for other modules'
     * rules over brief fields, e.g. workflow routing). No rights check.
     */
    @Transactional(readOnly = true)
    public boolean holds(Brief brief, List<Condition> conditions) {
        BriefTemplate template = templates.get(brief.template());
        var probe = new BriefRule(brief.id().value(), "", conditions, "", false, "", true, brief.createdAt());
        return !new RuleEvaluation(template, taxonomy::findTerm).notes(brief.title(), brief.values(), List.of(probe)).isEmpty();
    }

    private static void validate(RuleDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        if (draft.name().isEmpty() || draft.name().length() > 200) {
            errors.add(new FieldError("name", "A name of 1 to 200 characters is required."));
        }
        if (draft.conditions().isEmpty()) {
            errors.add(new FieldError("conditions", "A rule needs at least one condition."));
        }
        for (int i = 0; i < draft.conditions().size(); i++) {
            Condition c = draft.conditions().get(i);
            String at = "conditions[" + i + "].";
            if (c.field().isEmpty()) {
                errors.add(new FieldError(at + "field", "Name the field the condition tests (a field key, title, channel or market)."));
            }
            if (c.operator() != Operator.IS_SET && c.value().isEmpty()) {
                errors.add(new FieldError(at + "value", "Give the value the field is compared with."));
            }
            if (c.operator() == Operator.GREATER_THAN && !number(c.value())) {
                errors.add(new FieldError(at + "value", "'" + c.value() + "' is not a number."));
            }
        }
        if (draft.disclaimer().isEmpty() && !draft.legalReview() && draft.mandatoryStep().isEmpty()) {
            errors.add(new FieldError("disclaimer", "A rule must do something: add a disclaimer, require legal review or add a mandatory step."));
        }
        if (draft.disclaimer().length() > 4000 || draft.mandatoryStep().length() > 200) {
            errors.add(new FieldError("disclaimer", "A disclaimer holds at most 4000 characters, a step name 200."));
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
    }

    private static boolean number(String s) {
        try {
            new BigDecimal(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
