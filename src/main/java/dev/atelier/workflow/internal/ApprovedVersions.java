package dev.atelier.workflow.internal;

import dev.atelier.asset.AssetId;
import dev.atelier.asset.ReleasedVersions;
import dev.atelier.workflow.WorkflowProperties;
import org.springframework.stereotype.Component;

/** A version is released when a review approved it (or, with {@code viewers-need-approval: false}, always). */
@Component
class ApprovedVersions implements ReleasedVersions {

    private final Workflows workflows;
    private final WorkflowProperties properties;

    ApprovedVersions(Workflows workflows, WorkflowProperties properties) {
        this.workflows = workflows;
        this.properties = properties;
    }

    @Override
    public boolean released(AssetId asset, int version) {
        return !properties.viewersNeedApproval() || workflows.approved(asset, version);
    }
}
