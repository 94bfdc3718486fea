package dev.atelier.workflow;

import dev.atelier.identity.UserId;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * How a stage's decisions add up. {@code ALL}: every reviewer approves; {@code ANY}: one approval
 * passes it; {@code AT_LEAST}: the quorum's number of approvals. A negative decision closes the
 * stage only once the quorum can no longer be reached (for ALL: at once; for ANY: when everyone
 * said no) — rejected if any of them rejected, else changes requested. A gatekeeper's decision
 * closes the stage by itself.
 */
public enum StageRule {
    ALL, ANY, AT_LEAST;

    /** Approvals needed to pass among {@code reviewers} reviewers. */
    public int needed(int reviewers, int quorum) {
        return switch (this) {
            case ALL -> reviewers;
            case ANY -> 1;
            case AT_LEAST -> Math.min(quorum, reviewers);
        };
    }

    /**
     * @param latest each reviewer's latest decision in the stage
     * @return the stage's outcome, or empty while it stays open
     */
    public Optional<StageStatus> outcome(Collection<UserId> reviewers, int quorum, Optional<UserId> gatekeeper, Map<UserId, Verdict> latest) {
        Optional<Verdict> gate = gatekeeper.map(latest::get);
        if (gate.isPresent()) {
            return Optional.of(close(gate.get()));
        }
        long approvals = reviewers.stream().map(latest::get).filter(v -> v != null && v.approves()).count();
        long undecided = reviewers.stream().filter(r -> !latest.containsKey(r)).count();
        int needed = needed(reviewers.size(), quorum);
        if (approvals >= needed) {
            return Optional.of(StageStatus.PASSED);
        }
        if (approvals + undecided < needed) {
            boolean rejected = reviewers.stream().map(latest::get).anyMatch(v -> v == Verdict.REJECT);
            return Optional.of(rejected ? StageStatus.REJECTED : StageStatus.CHANGES_REQUESTED);
        }
        return Optional.empty();
    }

    private static StageStatus close(Verdict v) {
        return switch (v) {
            case APPROVE, APPROVE_WITH_CHANGES -> StageStatus.PASSED;
            case REQUEST_CHANGES -> StageStatus.CHANGES_REQUESTED;
            case REJECT -> StageStatus.REJECTED;
        };
    }
}
