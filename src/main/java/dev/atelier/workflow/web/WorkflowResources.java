package dev.atelier.workflow.web;

import dev.atelier.identity.UserId;
import dev.atelier.workflow.Decision;
import dev.atelier.workflow.DueTime;
import dev.atelier.workflow.Stage;
import dev.atelier.workflow.Workflow;
import dev.atelier.workflow.WorkflowTemplate;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The API's JSON shapes of workflows and templates. */
final class WorkflowResources {

    private WorkflowResources() {
    }

    static String slug(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    record TemplateResource(String id, String name, String description, List<String> stages, String yaml, long revision) {
        static TemplateResource of(WorkflowTemplate t) {
            return new TemplateResource(t.id().toString(), t.name(), t.definition().description(),
                    t.definition().stages().stream().map(s -> s.key()).toList(), t.yaml(), t.revision());
        }
    }

    record ReviewerResource(String userId, String state, @Nullable Instant sentAt, @Nullable Instant openedAt, @Nullable Instant commentedAt,
            @Nullable Instant decidedAt) {
        static ReviewerResource of(Stage.Reviewer r) {
            return new ReviewerResource(r.user().toString(), slug(r.state()), r.sentAt().orElse(null), r.openedAt().orElse(null),
                    r.commentedAt().orElse(null), r.decidedAt().orElse(null));
        }
    }

    record StageResource(String key, String name, String rule, int quorum, @Nullable String gatekeeperId, List<String> after, @Nullable String due,
            String status, @Nullable Instant startedAt, @Nullable Instant dueAt, @Nullable Instant completedAt, List<ReviewerResource> reviewers) {
        static StageResource of(Stage s) {
            return new StageResource(s.key(), s.name(), slug(s.rule()), s.quorum(), s.gatekeeper().map(UserId::toString).orElse(null), s.after(),
                    s.due().map(DueTime::text).orElse(null), slug(s.status()), s.startedAt().orElse(null), s.dueAt().orElse(null),
                    s.completedAt().orElse(null), s.reviewers().stream().map(ReviewerResource::of).toList());
        }
    }

    record DecisionResource(String id, String stage, String reviewerId, String verdict, String comment, int version, String sha256,
            Instant decidedAt) {
        static DecisionResource of(Decision d) {
            return new DecisionResource(d.id().toString(), d.stage(), d.reviewer().toString(), d.verdict().slug(), d.comment(), d.version(),
                    d.sha256(), d.decidedAt());
        }
    }

    record WorkflowResource(String id, String assetId, int version, int round, @Nullable String templateId, String template, @Nullable String briefId,
            String ownerId, String status, Instant startedAt, @Nullable Instant finishedAt, List<StageResource> stages,
            @Nullable List<DecisionResource> decisions) {
        static WorkflowResource of(Workflow w, @Nullable List<Decision> decisions) {
            return new WorkflowResource(w.id().toString(), w.asset().toString(), w.version(), w.round(), w.template().map(Object::toString).orElse(null),
                    w.templateName(), w.brief().map(Object::toString).orElse(null), w.owner().toString(), slug(w.status()), w.startedAt(),
                    w.finishedAt().orElse(null), w.stages().stream().map(StageResource::of).toList(),
                    decisions == null ? null : decisions.stream().map(DecisionResource::of).toList());
        }
    }
}
