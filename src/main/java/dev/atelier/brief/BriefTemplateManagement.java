package dev.atelier.brief;

import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetManagement;
import dev.atelier.brief.internal.BriefTemplates;
import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import dev.atelier.identity.UserId;
import dev.atelier.identity.UserManagement;
import dev.atelier.metadata.FieldValidationException;
import dev.atelier.metadata.FieldValidationException.FieldError;
import dev.atelier.metadata.TaxonomyManagement;
import dev.atelier.shared.Ids;
import dev.atelier.shared.NotFoundException;
import dev.atelier.shared.StaleRevisionException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Brief templates. Admins build and change them; everyone who may write briefs reads them. A
 * change applies to the briefs already made from the template the next time they are shown or
 * saved: values of removed fields are kept but no longer shown.
 */
@Service
public class BriefTemplateManagement {

    private final BriefTemplates templates;
    private final TaxonomyManagement taxonomy;
    private final UserManagement users;
    private final AssetManagement assets;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BriefTemplateManagement(BriefTemplates templates, TaxonomyManagement taxonomy, UserManagement users, AssetManagement assets,
            ApplicationEventPublisher events, Clock clock) {
        this.templates = templates;
        this.taxonomy = taxonomy;
        this.users = users;
        this.assets = assets;
        this.events = events;
        this.clock = clock;
    }

    /** @throws FieldValidationException naming every part of the draft that is wrong */
    @Transactional
    public BriefTemplate create(Actor actor, TemplateDraft draft) {
        actor.require(Role.ADMIN);
        validate(actor, draft);
        var created = new BriefTemplate(Ids.uuidV7(clock), draft.name(), draft.description(), draft.fields(), draft.reviewers(),
                draft.guidelines(), false, 1, actor.id(), clock.instant());
        templates.insert(created);
        events.publishEvent(new BriefSetupChanged(created.id(), actor.id(), "brief-template.created", "name=" + created.name()));
        return created;
    }

    /** @throws StaleRevisionException when {@code expectedRevision} is given and no longer current */
    @Transactional
    public BriefTemplate change(Actor actor, UUID id, TemplateDraft draft, Optional<Long> expectedRevision) {
        actor.require(Role.ADMIN);
        BriefTemplate current = get(id);
        validate(actor, draft);
        var changed = new BriefTemplate(id, draft.name(), draft.description(), draft.fields(), draft.reviewers(), draft.guidelines(),
                current.archived(), current.revision() + 1, current.createdBy(), current.createdAt());
        save(changed, expectedRevision.orElse(current.revision()));
        events.publishEvent(new BriefSetupChanged(id, actor.id(), "brief-template.changed", "name=" + changed.name()));
        return changed;
    }

    /** Archived templates start no new briefs; their briefs stay as they are. */
    @Transactional
    public BriefTemplate archive(Actor actor, UUID id, boolean archived) {
        actor.require(Role.ADMIN);
        BriefTemplate t = get(id);
        var changed = new BriefTemplate(id, t.name(), t.description(), t.fields(), t.reviewers(), t.guidelines(), archived, t.revision() + 1,
                t.createdBy(), t.createdAt());
        save(changed, t.revision());
        events.publishEvent(new BriefSetupChanged(id, actor.id(), archived ? "brief-template.archived" : "brief-template.restored", ""));
        return changed;
    }

    @Transactional(readOnly = true)
    public BriefTemplate get(Actor actor, UUID id) {
        actor.require(Role.VIEWER);
        return get(id);
    }

    /** For this module's services, which checked the actor already. */
    @Transactional(readOnly = true)
    BriefTemplate get(UUID id) {
        return templates.find(id).orElseThrow(() -> new NotFoundException("brief template " + id));
    }

    /** By name; archived ones only when asked for. */
    @Transactional(readOnly = true)
    public List<BriefTemplate> all(Actor actor, boolean withArchived) {
        actor.require(Role.VIEWER);
        return templates.all().stream().filter(t -> withArchived || !t.archived()).toList();
    }

    private void save(BriefTemplate t, long expectedRevision) {
        if (!templates.update(t, expectedRevision)) {
            throw new StaleRevisionException("Brief template '" + t.name() + "'");
        }
    }

    private void validate(Actor actor, TemplateDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        if (draft.name().isEmpty() || draft.name().length() > BriefTemplate.MAX_NAME) {
            errors.add(new FieldError("name", "A name of 1 to " + BriefTemplate.MAX_NAME + " characters is required."));
        }
        if (draft.description().length() > 2000) {
            errors.add(new FieldError("description", "A description holds at most 2000 characters."));
        }
        if (draft.fields().isEmpty()) {
            errors.add(new FieldError("fields", "A template needs at least one field."));
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < draft.fields().size(); i++) {
            TemplateField f = draft.fields().get(i);
            errors.addAll(f.problems(i));
            if (!keys.add(f.key())) {
                errors.add(new FieldError("fields[" + i + "].key", "Another field already has the key '" + f.key() + "'."));
            }
            if (f.key().equals("title") || f.key().equals("channel") || f.key().equals("market")) {
                errors.add(new FieldError("fields[" + i + "].key", "'" + f.key() + "' is a name rules use for all briefs; choose another key."));
            }
            int at = i;
            f.vocabulary().filter(v -> taxonomy.vocabularies().stream().noneMatch(x -> x.id().equals(v)))
                    .ifPresent(v -> errors.add(new FieldError("fields[" + at + "].vocabulary", "There is no vocabulary " + v + ".")));
        }
        for (UserId reviewer : draft.reviewers()) {
            if (users.find(reviewer).filter(u -> u.role().includes(Role.REVIEWER)).isEmpty()) {
                errors.add(new FieldError("reviewers", "Reviewer " + reviewer + " is not a user who may review (reviewer, manager or admin)."));
            }
        }
        for (AssetId guideline : draft.guidelines()) {
            if (assets.find(guideline).isEmpty()) {
                errors.add(new FieldError("guidelines", "There is no asset " + guideline + "."));
            }
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
    }
}
