package dev.atelier.workflow;

import dev.atelier.identity.UserId;
import dev.atelier.workflow.WorkflowEvent.DeadlineReached;
import dev.atelier.workflow.WorkflowEvent.DeadlineReached.Kind;
import dev.atelier.workflow.internal.Workflows;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminders and escalation for open stages with a due time: undecided reviewers are reminded
 * {@code remind-before} ahead and again when it passes; {@code escalate-after} later the stage's
 * gatekeeper (or, without one, the workflow's owner) is told. Each fires once per stage. A
 * recurring job calls {@link #check} with the clock's time; tests call it with any time.
 */
@Service
public class WorkflowDeadlines {

    private final Workflows workflows;
    private final WorkflowProperties properties;
    private final ApplicationEventPublisher events;

    WorkflowDeadlines(Workflows workflows, WorkflowProperties properties, ApplicationEventPublisher events) {
        this.workflows = workflows;
        this.properties = properties;
        this.events = events;
    }

    /** @return how many reminders and escalations fired */
    @Transactional
    public int check(Instant now) {
        int fired = 0;
        for (Workflow w : workflows.withActiveStagesDueBefore(now.plus(properties.remindBefore()))) {
            for (Stage s : w.active()) {
                if (s.dueAt().isEmpty()) {
                    continue;
                }
                Instant due = s.dueAt().get();
                List<UserId> undecided = s.reviewers().stream().filter(r -> r.state() != ReviewerState.DECIDED).map(Stage.Reviewer::user).toList();
                fired += fire(w, s, "reminded_before_at", Kind.REMINDER_BEFORE, due.minus(properties.remindBefore()), now, undecided);
                fired += fire(w, s, "reminded_after_at", Kind.REMINDER_AFTER, due, now, undecided);
                fired += fire(w, s, "escalated_at", Kind.ESCALATION, due.plus(properties.escalateAfter()), now,
                        List.of(s.gatekeeper().orElse(w.owner())));
            }
        }
        return fired;
    }

    private int fire(Workflow w, Stage s, String mark, Kind kind, Instant at, Instant now, List<UserId> to) {
        if (now.isBefore(at) || to.isEmpty() || workflows.deadlineMark(w.id(), s.key(), mark).isPresent()) {
            return 0;
        }
        workflows.markDeadline(w.id(), s.key(), mark, now);
        events.publishEvent(new DeadlineReached(w.id(), w.asset(), s.key(), kind, to, s.dueAt().orElseThrow(), now));
        return 1;
    }
}
