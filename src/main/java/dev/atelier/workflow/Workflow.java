package dev.atelier.workflow;

import dev.atelier.asset.AssetId;
import dev.atelier.brief.BriefId;
import dev.atelier.identity.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One review round of one asset version: the stages it runs (copied from its template when it
 * started, so changing the template never changes a running review) and its outcome.
 *
 * @param round 1 for the first review of the asset under this brief or template, 2 after changes were requested, ...
 */
public record Workflow(UUID id, AssetId asset, int version, int round, Optional<UUID> template, String templateName, Optional<BriefId> brief,
        UserId owner, WorkflowStatus status, Instant startedAt, Optional<Instant> finishedAt, List<Stage> stages) {

    public Workflow {
        stages = List.copyOf(stages);
    }

    public Optional<Stage> stage(String key) {
        return stages.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    public List<Stage> active() {
        return stages.stream().filter(s -> s.status() == StageStatus.ACTIVE).toList();
    }
}
