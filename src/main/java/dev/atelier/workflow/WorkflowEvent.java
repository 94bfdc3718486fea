package dev.atelier.workflow;

import dev.atelier.asset.AssetId;
import dev.atelier.identity.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What happens in workflows, for analytics, audit, notifications and webhooks. Every event carries
 * when it happened, so approval time per stage and the number of rounds can be computed.
 */
public sealed interface WorkflowEvent {

    UUID workflow();

    /** Who caused it; empty for the clock (reminders, escalations). */
    Optional<UserId> by();

    Instant at();

    /** The audit action, e.g. {@code workflow.started}. */
    String action();

    /** For the audit record. */
    String details();

    record WorkflowStarted(UUID workflow, AssetId asset, int version, int round, String template, Optional<UserId> by, Instant at)
            implements WorkflowEvent {
        public String action() {
            return "workflow.started";
        }

        public String details() {
            return "asset=" + asset + " version=" + version + " round=" + round + " template=" + template;
        }
    }

    record StageStarted(UUID workflow, AssetId asset, String stage, String name, List<UserId> reviewers, Optional<Instant> dueAt, Optional<UserId> by,
            Instant at) implements WorkflowEvent {
        public String action() {
            return "workflow.stage-started";
        }

        public String details() {
            return "stage=" + stage + " reviewers=" + reviewers.size() + dueAt.map(d -> " due=" + d).orElse("");
        }
    }

    record StageCompleted(UUID workflow, AssetId asset, String stage, StageStatus outcome, Optional<UserId> by, Instant at) implements WorkflowEvent {
        public String action() {
            return "workflow.stage-completed";
        }

        public String details() {
            return "stage=" + stage + " outcome=" + outcome.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    record DecisionRecorded(UUID workflow, AssetId asset, String stage, Verdict verdict, int version, String sha256, String comment,
            Optional<UserId> by, Instant at) implements WorkflowEvent {
        public String action() {
            return "workflow.decision";
        }

        public String details() {
            return "stage=" + stage + " verdict=" + verdict.slug() + " version=" + version + " sha256=" + sha256;
        }
    }

    /** The round ended: approved, changes requested, rejected or cancelled. */
    record WorkflowFinished(UUID workflow, AssetId asset, int version, WorkflowStatus outcome, UserId owner, Optional<UserId> by, Instant at)
            implements WorkflowEvent {
        public String action() {
            return outcome == WorkflowStatus.APPROVED ? "workflow.version-approved" : "workflow." + outcome.name().toLowerCase(java.util.Locale.ROOT)
                    .replace('_', '-');
        }

        public String details() {
            return "asset=" + asset + " version=" + version;
        }
    }

    /** A reminder before or after a stage's due time, or an escalation. */
    record DeadlineReached(UUID workflow, AssetId asset, String stage, Kind kind, List<UserId> to, Instant dueAt, Instant at) implements WorkflowEvent {
        public enum Kind { REMINDER_BEFORE, REMINDER_AFTER, ESCALATION }

        public Optional<UserId> by() {
            return Optional.empty();
        }

        public String action() {
            return "workflow." + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public String details() {
            return "stage=" + stage + " due=" + dueAt + " to=" + to.size();
        }
    }
}
