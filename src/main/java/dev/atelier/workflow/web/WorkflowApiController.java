package dev.atelier.workflow.web;

import dev.atelier.asset.AssetId;
import dev.atelier.brief.BriefId;
import dev.atelier.identity.Actor;
import dev.atelier.metadata.FieldValidationException;
import dev.atelier.shared.Ids;
import dev.atelier.workflow.Verdict;
import dev.atelier.workflow.Workflow;
import dev.atelier.workflow.WorkflowDecisions;
import dev.atelier.workflow.WorkflowManagement;
import dev.atelier.workflow.web.WorkflowResources.DecisionResource;
import dev.atelier.workflow.web.WorkflowResources.WorkflowResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Starting reviews, reading them, deciding. */
@RestController
@Tag(name = "Workflows")
class WorkflowApiController {

    private final WorkflowManagement workflows;
    private final WorkflowDecisions decisions;

    WorkflowApiController(WorkflowManagement workflows, WorkflowDecisions decisions) {
        this.workflows = workflows;
        this.decisions = decisions;
    }

    record Start(@Nullable String templateId, @Nullable String briefId) {}

    record DecisionBody(@Nullable String stage, @Nullable String verdict, @Nullable String comment) {}

    @Operation(summary = "Start a review of the asset's current version",
            description = "templateId may be left out when a routing rule picks one; routing rules may add stages. 409 when the asset is in review.")
    @PostMapping("/api/v1/assets/{id}/workflows")
    ResponseEntity<WorkflowResource> start(Actor actor, @PathVariable String id, @RequestBody(required = false) @Nullable Start body) {
        Start b = body == null ? new Start(null, null) : body;
        Workflow w = workflows.start(actor, AssetId.parse(id), Optional.ofNullable(b.templateId()).filter(s -> !s.isBlank()).map(Ids::parse),
                Optional.ofNullable(b.briefId()).filter(s -> !s.isBlank()).map(BriefId::parse));
        return ResponseEntity.created(URI.create("/api/v1/workflows/" + w.id())).body(WorkflowResource.of(w, List.of()));
    }

    record StartMany(@Nullable List<String> assetIds, @Nullable String templateId) {}

    @Operation(summary = "Start reviews of several assets at once (one round each, on its current version)",
            description = "All or nothing: when one cannot start (in review already, no template), none does.")
    @PostMapping("/api/v1/workflows")
    ResponseEntity<List<WorkflowResource>> startMany(Actor actor, @RequestBody StartMany body) {
        List<AssetId> ids = Objects.requireNonNullElse(body.assetIds(), List.<String>of()).stream().map(AssetId::parse).toList();
        List<Workflow> started = workflows.startAll(actor, ids,
                Optional.ofNullable(body.templateId()).filter(s -> !s.isBlank()).map(Ids::parse));
        return ResponseEntity.status(201).body(started.stream().map(w -> WorkflowResource.of(w, List.of())).toList());
    }

    @Operation(summary = "The asset's review rounds, newest first")
    @GetMapping("/api/v1/assets/{id}/workflows")
    List<WorkflowResource> ofAsset(Actor actor, @PathVariable String id) {
        return workflows.ofAsset(actor, AssetId.parse(id)).stream().map(w -> WorkflowResource.of(w, null)).toList();
    }

    @Operation(summary = "A review: stages with each reviewer's state (sent, opened, commented, decided) and the decision trail",
            description = "A reviewer of an open stage who reads it counts as having opened it.")
    @GetMapping("/api/v1/workflows/{id}")
    WorkflowResource get(Actor actor, @PathVariable UUID id) {
        workflows.opened(actor, id);
        return WorkflowResource.of(workflows.get(actor, id), workflows.decisions(actor, id));
    }

    @Operation(summary = "Decide: approve, approve-with-changes, request-changes or reject (a comment is required to reject)",
            description = "stage may be left out when you review in one open stage. Decisions are never changed; a later one supersedes. "
                    + "409 when the round is over or the stage is not open.")
    @PostMapping("/api/v1/workflows/{id}/decisions")
    ResponseEntity<DecisionResource> decide(Actor actor, @PathVariable UUID id, @RequestBody DecisionBody body) {
        Verdict verdict;
        try {
            verdict = Verdict.fromSlug(Objects.requireNonNullElse(body.verdict(), ""));
        } catch (IllegalArgumentException e) {
            throw FieldValidationException.of("verdict", e.getMessage());
        }
        var d = decisions.decide(actor, id, Optional.ofNullable(body.stage()).filter(s -> !s.isBlank()), verdict,
                Objects.requireNonNullElse(body.comment(), ""));
        return ResponseEntity.status(201).body(DecisionResource.of(d));
    }

    @Operation(summary = "Cancel a running review (its owner or a manager)")
    @PostMapping("/api/v1/workflows/{id}/cancel")
    WorkflowResource cancel(Actor actor, @PathVariable UUID id) {
        return WorkflowResource.of(decisions.cancel(actor, id), null);
    }

    @Operation(summary = "Reviews waiting on you: an open stage you review and have not decided")
    @GetMapping("/api/v1/me/reviews")
    List<WorkflowResource> mine(Actor actor) {
        return workflows.waitingOn(actor).stream().map(w -> WorkflowResource.of(w, null)).toList();
    }

}
