package dev.atelier.brief;

import dev.atelier.brief.Brief.Criterion;
import dev.atelier.brief.internal.BriefLinks;
import dev.atelier.brief.internal.BriefRules;
import dev.atelier.brief.internal.Briefs;
import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import dev.atelier.metadata.FieldValidationException;
import dev.atelier.metadata.TaxonomyManagement;
import dev.atelier.shared.ConflictException;
import dev.atelier.shared.Ids;
import dev.atelier.shared.NotFoundException;
import dev.atelier.shared.StaleRevisionException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing briefs: contributors create them from a template, save drafts as often as they like
 * (values must be well formed, nothing more), and submit them once complete; the admin rules run
 * on every save. Owners and managers change a brief while it is a draft or returned. Intake
 * decisions are {@link BriefIntake}; linked assets and comments {@link BriefCollaboration}.
 */
@Service
public class BriefManagement {

    private final Briefs briefs;
    private final BriefTemplateManagement templates;
    private final BriefRules rules;
    private final BriefLinks links;
    private final BriefValidation validation;
    private final TaxonomyManagement taxonomy;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BriefManagement(Briefs briefs, BriefTemplateManagement templates, BriefRules rules, BriefLinks links, BriefValidation validation,
            TaxonomyManagement taxonomy, ApplicationEventPublisher events, Clock clock) {
        this.briefs = briefs;
        this.templates = templates;
        this.rules = rules;
        this.links = links;
        this.validation = validation;
        this.taxonomy = taxonomy;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A new draft owned by the actor; the template's guidelines are linked to it.
     *
     * @throws FieldValidationException naming every ill-formed part
     */
    @Transactional
    public Brief create(Actor actor, java.util.UUID template, BriefForm form) {
        actor.require(Role.CONTRIBUTOR);
        BriefTemplate t = templates.get(template);
        if (t.archived()) {
            throw new ConflictException("The template '" + t.name() + "' is archived; start the brief from another one.");
        }
        Map<String, BriefValue> values = validation.wellFormed(actor, t, form, briefs::boardExists);
        Instant now = clock.instant();
        var brief = new Brief(new BriefId(Ids.uuidV7(clock)), template, form.title(), actor.id(), form.assignees(), BriefStatus.DRAFT,
                form.due(), form.board(), values, criteria(form, List.of()), notes(t, form.title(), values), 1, now, now,
                Optional.empty(), Optional.empty());
        briefs.insert(brief);
        t.guidelines().forEach(g -> links.link(new LinkedAsset(brief.id(), g, LinkedAsset.Role.GUIDELINE, "", actor.id(), now)));
        linkFieldAssets(actor, t, brief, now);
        events.publishEvent(new BriefChanged(brief.id(), actor.id(), "brief.created", "template=" + t.name() + " title=" + brief.title()));
        return brief;
    }

    /** @throws StaleRevisionException when {@code expectedRevision} is given and no longer current */
    @Transactional
    public Brief edit(Actor actor, BriefId id, BriefForm form, Optional<Long> expectedRevision) {
        Brief b = editable(actor, id);
        BriefTemplate t = templates.get(b.template());
        Map<String, BriefValue> values = validation.wellFormed(actor, t, form, briefs::boardExists);
        Instant now = clock.instant();
        var edited = new Brief(id, b.template(), form.title(), b.owner(), form.assignees(), b.status(), form.due(), form.board(), values,
                criteria(form, b.criteria()), notes(t, form.title(), values), b.revision() + 1, b.createdAt(), now, b.submittedAt(),
                b.decision());
        save(edited, expectedRevision.orElse(b.revision()));
        linkFieldAssets(actor, t, edited, now);
        events.publishEvent(new BriefChanged(id, actor.id(), "brief.edited", "revision=" + edited.revision()));
        return edited;
    }

    /**
     * Hands the brief in: it must be complete (every required field, a due date that has not
     * passed, milestones by then, acceptance criteria); publishes {@link BriefSubmitted}.
     *
     * @throws FieldValidationException with everything it still lacks; nothing changes
     */
    @Transactional
    public Brief submit(Actor actor, BriefId id, Optional<Long> expectedRevision) {
        Brief b = editable(actor, id);
        validation.complete(templates.get(b.template()), b, LocalDate.now(clock));
        Instant now = clock.instant();
        var submitted = new Brief(id, b.template(), b.title(), b.owner(), b.assignees(), BriefStatus.SUBMITTED, b.due(), b.board(),
                b.values(), b.criteria(), b.notes(), b.revision() + 1, b.createdAt(), now, Optional.of(now), b.decision());
        save(submitted, expectedRevision.orElse(b.revision()));
        events.publishEvent(new BriefSubmitted(id, b.board(), actor.id()));
        events.publishEvent(new BriefChanged(id, actor.id(), "brief.submitted", "revision=" + submitted.revision()));
        return submitted;
    }

    /** Ticks or clears an acceptance criterion (reviewers, and the owner while writing). */
    @Transactional
    public Brief markCriterion(Actor actor, BriefId id, int index, boolean met) {
        Brief b = get(actor, id);
        if (!actor.has(Role.REVIEWER) && !(actor.id().equals(b.owner()) && b.status().editable())) {
            throw new org.springframework.security.access.AccessDeniedException(
                    "only reviewers, and the owner while writing the brief, may tick its acceptance criteria");
        }
        if (index < 0 || index >= b.criteria().size()) {
            throw new NotFoundException("acceptance criterion " + (index + 1) + " of brief " + id);
        }
        List<Criterion> criteria = new ArrayList<>(b.criteria());
        criteria.set(index, new Criterion(criteria.get(index).text(), met));
        var ticked = new Brief(id, b.template(), b.title(), b.owner(), b.assignees(), b.status(), b.due(), b.board(), b.values(), criteria,
                b.notes(), b.revision() + 1, b.createdAt(), clock.instant(), b.submittedAt(), b.decision());
        save(ticked, b.revision());
        events.publishEvent(new BriefChanged(id, actor.id(), "brief.criterion-" + (met ? "met" : "unmet"), "criterion=" + (index + 1)));
        return ticked;
    }

    /** @throws NotFoundException also for someone else's draft: a draft is its owner's (and managers') until submitted */
    @Transactional(readOnly = true)
    public Brief get(Actor actor, BriefId id) {
        actor.require(Role.VIEWER);
        return find(actor, id).orElseThrow(() -> new NotFoundException("brief " + id));
    }

    /** The brief when the actor sees it; empty otherwise (for lists and filters). */
    @Transactional(readOnly = true)
    public Optional<Brief> find(Actor actor, BriefId id) {
        return actor.has(Role.VIEWER) ? briefs.find(id).filter(b -> visible(actor, b)) : Optional.empty();
    }

    /** Whether the actor sees the brief: everyone does once it was submitted; a draft only its owner and managers. */
    public static boolean visible(Actor actor, Brief brief) {
        return brief.status() != BriefStatus.DRAFT || actor.id().equals(brief.owner()) || actor.has(Role.MANAGER);
    }

    /** Newest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<Brief> list(Actor actor, Optional<BriefStatus> status, int limit) {
        actor.require(Role.VIEWER);
        return briefs.list(status, Math.clamp(limit, 1, 500)).stream().filter(b -> visible(actor, b)).toList();
    }

    void save(Brief b, long expectedRevision) {
        if (!briefs.update(b, expectedRevision)) {
            throw new StaleRevisionException("Brief '" + b.title() + "'");
        }
    }

    private Brief editable(Actor actor, BriefId id) {
        Brief b = get(actor, id);
        actor.requireOwnerOrManager(b.owner(), "change this brief");
        if (!b.status().editable()) {
            throw new ConflictException("The brief is " + b.status().label().toLowerCase()
                    + " and can no longer be changed; a reviewer can return it to you for changes.");
        }
        return b;
    }

    private List<BriefNote> notes(BriefTemplate t, String title, Map<String, BriefValue> values) {
        return new RuleEvaluation(t, taxonomy::findTerm).notes(title, values, rules.all());
    }

    private void linkFieldAssets(Actor actor, BriefTemplate t, Brief b, Instant now) {
        for (TemplateField f : t.fields()) {
            if (f.type().holdsAssets()) {
                links.unlinkField(b.id(), f.key());
                var role = f.type() == BriefFieldType.ATTACHMENTS ? LinkedAsset.Role.ATTACHMENT : LinkedAsset.Role.REFERENCE;
                b.value(f.key()).ifPresent(v -> ((BriefValue.Assets) v).assets()
                        .forEach(a -> links.link(new LinkedAsset(b.id(), a, role, f.key(), actor.id(), now))));
            }
        }
    }

    private static List<Criterion> criteria(BriefForm form, List<Criterion> before) {
        return form.criteria().stream().map(text -> new Criterion(text, before.stream().anyMatch(c -> c.text().equals(text) && c.met()))).toList();
    }
}
