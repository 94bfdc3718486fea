package dev.atelier.workflow;

import dev.atelier.identity.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A stage of a running or finished workflow, with its reviewers as they were resolved when it started. */
public record Stage(String key, int position, String name, StageRule rule, int quorum, Optional<UserId> gatekeeper, List<String> after,
        Optional<DueTime> due, StageStatus status, Optional<Instant> startedAt, Optional<Instant> dueAt, Optional<Instant> completedAt,
        List<Reviewer> reviewers) {

    public Stage {
        after = List.copyOf(after);
        reviewers = List.copyOf(reviewers);
    }

    public boolean reviewedBy(UserId user) {
        return reviewers.stream().anyMatch(r -> r.user().equals(user));
    }

    public List<UserId> reviewerIds() {
        return reviewers.stream().map(Reviewer::user).toList();
    }

    /** One reviewer's progress. */
    public record Reviewer(UserId user, ReviewerState state, Optional<Instant> sentAt, Optional<Instant> openedAt, Optional<Instant> commentedAt,
            Optional<Instant> decidedAt) {}
}
