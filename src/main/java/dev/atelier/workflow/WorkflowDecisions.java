package dev.atelier.workflow;

import dev.atelier.asset.AssetManagement;
import dev.atelier.asset.AssetVersion;
import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import dev.atelier.identity.UserId;
import dev.atelier.metadata.FieldValidationException;
import dev.atelier.shared.ConflictException;
import dev.atelier.shared.Ids;
import dev.atelier.shared.NotFoundException;
import dev.atelier.workflow.WorkflowEvent.DecisionRecorded;
import dev.atelier.workflow.WorkflowEvent.StageCompleted;
import dev.atelier.workflow.WorkflowEvent.WorkflowFinished;
import dev.atelier.workflow.internal.Workflows;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decisions: a reviewer of an open stage approves, approves with changes, requests changes or
 * rejects (a rejection needs a comment). Each is recorded for good with the version's number and
 * SHA-256; a later one of the same reviewer supersedes it. When the stage's rule is met the stage
 * closes: a pass opens the stages waiting for it, and when every stage passed the version is
 * approved; changes requested or a rejection end the round with that outcome.
 */
@Service
public class WorkflowDecisions {

    private final Workflows workflows;
    private final WorkflowManagement management;
    private final AssetManagement assets;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    WorkflowDecisions(Workflows workflows, WorkflowManagement management, AssetManagement assets, ApplicationEventPublisher events, Clock clock) {
        this.workflows = workflows;
        this.management = management;
        this.assets = assets;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param stage the stage decided in; may be empty when the actor reviews in exactly one open stage
     * @throws ConflictException when the round is over or the stage is not open
     */
    @Transactional
    public Decision decide(Actor actor, UUID id, Optional<String> stage, Verdict verdict, String comment) {
        actor.require(Role.REVIEWER);
        management.get(actor, id);
        Workflow w = workflows.lock(id).orElseThrow(() -> new NotFoundException("workflow " + id));
        if (w.status() != WorkflowStatus.RUNNING) {
            throw new ConflictException("This review round is over (" + w.status().label().toLowerCase() + "); decisions can no longer change it.");
        }
        Stage s = stageOf(actor, w, stage);
        String why = comment.strip();
        if (verdict == Verdict.REJECT && why.isEmpty()) {
            throw FieldValidationException.of("comment", "Say why you reject it.");
        }
        if (why.length() > 4000) {
            throw FieldValidationException.of("comment", "A comment holds at most 4000 characters.");
        }
        AssetVersion version = assets.version(actor, w.asset(), Optional.of(w.version()));
        Instant now = clock.instant();
        var decision = new Decision(Ids.uuidV7(clock), id, s.key(), actor.id(), verdict, why, w.version(), version.blobKey().toString(), now);
        workflows.record(decision);
        workflows.advance(id, s.key(), actor.id(), ReviewerState.DECIDED, now);
        events.publishEvent(new DecisionRecorded(id, w.asset(), s.key(), verdict, w.version(), decision.sha256(), why, Optional.of(actor.id()), now));
        s.rule().outcome(s.reviewerIds(), s.quorum(), s.gatekeeper(), latest(id, s.key()))
                .ifPresent(outcome -> close(w, s, outcome, Optional.of(actor.id()), now));
        return decision;
    }

    /** Ends a running round without an outcome (the owner or a manager), e.g. to start over with another template. */
    @Transactional
    public Workflow cancel(Actor actor, UUID id) {
        Workflow w = management.get(actor, id);
        actor.requireOwnerOrManager(w.owner(), "cancel this review");
        if (w.status() != WorkflowStatus.RUNNING) {
            throw new ConflictException("This review round is over already.");
        }
        Instant now = clock.instant();
        finish(w, WorkflowStatus.CANCELLED, Optional.of(actor.id()), now);
        return workflows.find(id).orElseThrow();
    }

    private Stage stageOf(Actor actor, Workflow w, Optional<String> key) {
        if (key.isPresent()) {
            Stage s = w.stage(key.get()).orElseThrow(() -> new NotFoundException("stage '" + key.get() + "' of workflow " + w.id()));
            if (!s.reviewedBy(actor.id())) {
                throw new AccessDeniedException("you are not a reviewer of stage '" + s.name() + "'");
            }
            if (s.status() != StageStatus.ACTIVE) {
                throw new ConflictException("Stage '" + s.name() + "' is not open for decisions (" + s.status().name().toLowerCase() + ").");
            }
            return s;
        }
        List<Stage> mine = w.active().stream().filter(s -> s.reviewedBy(actor.id())).toList();
        if (mine.size() == 1) {
            return mine.getFirst();
        }
        if (mine.isEmpty()) {
            throw new AccessDeniedException("you are not a reviewer of an open stage of this review");
        }
        throw FieldValidationException.of("stage", "You review in several open stages; say which one you decide in.");
    }

    private Map<UserId, Verdict> latest(UUID id, String stage) {
        Map<UserId, Verdict> latest = new HashMap<>();
        workflows.decisions(id).stream().filter(d -> d.stage().equals(stage)).forEach(d -> latest.put(d.reviewer(), d.verdict()));
        return latest;
    }

    private void close(Workflow w, Stage s, StageStatus outcome, Optional<UserId> by, Instant now) {
        workflows.closeStage(w.id(), s.key(), outcome, now);
        events.publishEvent(new StageCompleted(w.id(), w.asset(), s.key(), outcome, by, now));
        Workflow after = workflows.find(w.id()).orElseThrow();
        switch (outcome) {
            case PASSED -> {
                if (after.stages().stream().allMatch(x -> x.status() == StageStatus.PASSED)) {
                    finish(after, WorkflowStatus.APPROVED, by, now);
                } else {
                    after.stages().stream().filter(x -> x.status() == StageStatus.WAITING).filter(x -> x.after().stream()
                            .allMatch(k -> after.stage(k).map(p -> p.status() == StageStatus.PASSED).orElse(false)))
                            .forEach(x -> management.startStage(after, x, by, now));
                }
            }
            case CHANGES_REQUESTED -> finish(after, WorkflowStatus.CHANGES_REQUESTED, by, now);
            case REJECTED -> finish(after, WorkflowStatus.REJECTED, by, now);
            default -> throw new IllegalStateException("a stage closes as passed, changes requested or rejected, not " + outcome);
        }
    }

    private void finish(Workflow w, WorkflowStatus outcome, Optional<UserId> by, Instant now) {
        w.stages().stream().filter(s -> !s.status().closed()).forEach(s -> workflows.closeStage(w.id(), s.key(), StageStatus.CANCELLED, now));
        workflows.finish(w.id(), outcome, now);
        events.publishEvent(new WorkflowFinished(w.id(), w.asset(), w.version(), outcome, w.owner(), by, now));
        if (outcome == WorkflowStatus.APPROVED) {
            events.publishEvent(new VersionApproved(w.id(), w.asset(), w.version(), now));
        }
    }
}
