package dev.atelier.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.identity.UserId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How decisions add up to a stage's outcome. */
class StageRuleTests {

    private final UserId ann = user();
    private final UserId bob = user();
    private final UserId cat = user();
    private final List<UserId> three = List.of(ann, bob, cat);

    @Test
    void allNeedsEveryApprovalAndOneNoEndsIt() {
        assertThat(outcome(StageRule.ALL, 0, Optional.empty(), Map.of(ann, Verdict.APPROVE, bob, Verdict.APPROVE_WITH_CHANGES))).isEmpty();
        assertThat(outcome(StageRule.ALL, 0, Optional.empty(), Map.of(ann, Verdict.APPROVE, bob, Verdict.APPROVE, cat, Verdict.APPROVE_WITH_CHANGES)))
                .contains(StageStatus.PASSED);
        assertThat(outcome(StageRule.ALL, 0, Optional.empty(), Map.of(ann, Verdict.REQUEST_CHANGES))).contains(StageStatus.CHANGES_REQUESTED);
        assertThat(outcome(StageRule.ALL, 0, Optional.empty(), Map.of(ann, Verdict.REQUEST_CHANGES, bob, Verdict.REJECT)))
                .contains(StageStatus.REJECTED);
    }

    @Test
    void anyPassesOnOneApprovalAndFailsOnlyWhenEveryoneSaidNo() {
        assertThat(outcome(StageRule.ANY, 0, Optional.empty(), Map.of(ann, Verdict.REJECT, bob, Verdict.REQUEST_CHANGES))).isEmpty();
        assertThat(outcome(StageRule.ANY, 0, Optional.empty(), Map.of(ann, Verdict.REJECT, cat, Verdict.APPROVE))).contains(StageStatus.PASSED);
        assertThat(outcome(StageRule.ANY, 0, Optional.empty(), Map.of(ann, Verdict.REQUEST_CHANGES, bob, Verdict.REQUEST_CHANGES,
                cat, Verdict.REQUEST_CHANGES))).contains(StageStatus.CHANGES_REQUESTED);
    }

    @Test
    void atLeastCountsApprovalsAndFailsWhenTheQuorumIsOutOfReach() {
        assertThat(outcome(StageRule.AT_LEAST, 2, Optional.empty(), Map.of(ann, Verdict.APPROVE))).isEmpty();
        assertThat(outcome(StageRule.AT_LEAST, 2, Optional.empty(), Map.of(ann, Verdict.APPROVE, cat, Verdict.APPROVE))).contains(StageStatus.PASSED);
        assertThat(outcome(StageRule.AT_LEAST, 2, Optional.empty(), Map.of(ann, Verdict.REJECT))).isEmpty();
        assertThat(outcome(StageRule.AT_LEAST, 2, Optional.empty(), Map.of(ann, Verdict.REJECT, bob, Verdict.REQUEST_CHANGES)))
                .contains(StageStatus.REJECTED);
        assertThat(StageRule.AT_LEAST.needed(3, 5)).isEqualTo(3);
    }

    @Test
    void theGatekeepersDecisionClosesTheStageWhateverTheOthersSaid() {
        Map<UserId, Verdict> decisions = new HashMap<>(Map.of(ann, Verdict.APPROVE, bob, Verdict.APPROVE));
        assertThat(outcome(StageRule.ALL, 0, Optional.of(cat), decisions)).isEmpty();
        decisions.put(cat, Verdict.REQUEST_CHANGES);
        assertThat(outcome(StageRule.ALL, 0, Optional.of(cat), decisions)).contains(StageStatus.CHANGES_REQUESTED);
        assertThat(outcome(StageRule.ALL, 0, Optional.of(cat), Map.of(cat, Verdict.APPROVE))).contains(StageStatus.PASSED);
        assertThat(outcome(StageRule.ANY, 0, Optional.of(cat), Map.of(ann, Verdict.APPROVE))).contains(StageStatus.PASSED);
    }

    private Optional<StageStatus> outcome(StageRule rule, int quorum, Optional<UserId> gatekeeper, Map<UserId, Verdict> decisions) {
        return rule.outcome(three, quorum, gatekeeper, decisions);
    }

    private static UserId user() {
        return new UserId(UUID.randomUUID());
    }
}
