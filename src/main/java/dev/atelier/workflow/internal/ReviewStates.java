package dev.atelier.workflow.internal;

import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetManagement;
import dev.atelier.asset.ReviewState;
import dev.atelier.asset.VersionReviews;
import dev.atelier.workflow.WorkflowEvent.WorkflowFinished;
import dev.atelier.workflow.WorkflowEvent.WorkflowStarted;
import dev.atelier.workflow.WorkflowProperties;
import dev.atelier.workflow.WorkflowStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What the review rounds say about a version: released when a round approved it (or, with
 * {@code viewers-need-approval: false}, always); its state from its rounds. When a round starts or
 * ends the asset hears of it in the same transaction, so its revision and the index follow.
 */
@Component
class ReviewStates implements VersionReviews {

    private final Workflows workflows;
    private final WorkflowProperties properties;
    private final AssetManagement assets;

    ReviewStates(Workflows workflows, WorkflowProperties properties, AssetManagement assets) {
        this.workflows = workflows;
        this.properties = properties;
        this.assets = assets;
    }

    @Override
    public boolean released(AssetId asset, int version) {
        return !properties.viewersNeedApproval() || workflows.approved(asset, version);
    }

    /** Approved once any round approved the version; otherwise the latest round that was not cancelled decides. */
    @Override
    public ReviewState state(AssetId asset, int version) {
        return of(workflows.statusesOf(asset, version));
    }

    @Override
    public Map<AssetId, ReviewState> states(Map<AssetId, Integer> versions) {
        Map<AssetId, ReviewState> states = new HashMap<>();
        workflows.statusesOf(versions).forEach((asset, statuses) -> states.put(asset, of(statuses)));
        return states;
    }

    /** @param newestFirst the version's rounds' statuses, the latest round first */
    static ReviewState of(List<WorkflowStatus> newestFirst) {
        if (newestFirst.contains(WorkflowStatus.APPROVED)) {
            return ReviewState.APPROVED;
        }
        return newestFirst.stream().filter(s -> s != WorkflowStatus.CANCELLED).findFirst().map(s -> switch (s) {
            case RUNNING -> ReviewState.IN_REVIEW;
            case CHANGES_REQUESTED -> ReviewState.CHANGES_REQUESTED;
            case REJECTED -> ReviewState.REJECTED;
            case APPROVED, CANCELLED -> throw new IllegalStateException("handled above: " + s);
        }).orElse(ReviewState.NOT_REVIEWED);
    }

    @EventListener
    void on(WorkflowStarted e) {
        assets.reviewChanged(e.asset(), e.version());
    }

    @EventListener
    void on(WorkflowFinished e) {
        assets.reviewChanged(e.asset(), e.version());
    }
}
