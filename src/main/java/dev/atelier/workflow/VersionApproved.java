package dev.atelier.workflow;

import dev.atelier.asset.AssetId;
import java.time.Instant;
import java.util.UUID;

/**
 * A review approved the version: it may now be shared, downloaded by viewers and published.
 * Published with the {@link WorkflowEvent.WorkflowFinished} that records the same moment in the
 * audit trail, for modules that only care about approvals (distribution, analytics).
 */
public record VersionApproved(UUID workflow, AssetId asset, int version, Instant at) {}
