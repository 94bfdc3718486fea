package dev.atelier.brief;

import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import dev.atelier.metadata.FieldValidationException;
import dev.atelier.shared.ConflictException;
import java.time.Instant;
import java.time.Clock;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Intake: a submitted brief is accepted, returned to its owner with a comment, or rejected with
 * one. The template's reviewers decide; managers and admins always may. Publishes
 * {@link BriefDecided}.
 */
@Service
public class BriefIntake {

    private final BriefManagement briefs;
    private final BriefTemplateManagement templates;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BriefIntake(BriefManagement briefs, BriefTemplateManagement templates, ApplicationEventPublisher events, Clock clock) {
        this.briefs = briefs;
        this.templates = templates;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Brief accept(Actor actor, BriefId id, String comment) {
        return decide(actor, id, BriefStatus.ACCEPTED, comment);
    }

    /** Back to the owner, who changes it and submits again; the comment says what to change. */
    @Transactional
    public Brief sendBack(Actor actor, BriefId id, String comment) {
        return decide(actor, id, BriefStatus.RETURNED, comment);
    }

    @Transactional
    public Brief reject(Actor actor, BriefId id, String comment) {
        return decide(actor, id, BriefStatus.REJECTED, comment);
    }

    /** Whether the actor decides intake for the brief. */
    @Transactional(readOnly = true)
    public boolean decides(Actor actor, Brief brief) {
        return actor.has(Role.MANAGER) || templates.get(brief.template()).reviewedBy(actor.id());
    }

    private Brief decide(Actor actor, BriefId id, BriefStatus outcome, String comment) {
        Brief b = briefs.get(actor, id);
        if (!decides(actor, b)) {
            throw new AccessDeniedException("only the template's reviewers or a manager may decide on this brief");
        }
        if (b.status() != BriefStatus.SUBMITTED) {
            throw new ConflictException("The brief is " + b.status().label().toLowerCase() + "; only a submitted brief can be "
                    + outcome.label().toLowerCase() + ".");
        }
        String why = comment.strip();
        if (outcome != BriefStatus.ACCEPTED && why.isEmpty()) {
            throw FieldValidationException.of("comment", "Say why, so the owner knows what to change.");
        }
        if (why.length() > 4000) {
            throw FieldValidationException.of("comment", "A comment holds at most 4000 characters.");
        }
        Instant now = clock.instant();
        var decided = new Brief(id, b.template(), b.title(), b.owner(), b.assignees(), outcome, b.due(), b.board(), b.values(), b.criteria(),
                b.notes(), b.revision() + 1, b.createdAt(), now, b.submittedAt(), Optional.of(new Brief.IntakeDecision(actor.id(), now, why)));
        briefs.save(decided, b.revision());
        events.publishEvent(new BriefDecided(id, b.board(), outcome, actor.id(), why));
        events.publishEvent(new BriefChanged(id, actor.id(), "brief." + (outcome == BriefStatus.RETURNED ? "returned" : outcome.name().toLowerCase()),
                why.isEmpty() ? "" : "comment=" + why));
        return decided;
    }
}
