package dev.atelier.workflow.web;

import dev.atelier.asset.AssetEtags;
import dev.atelier.brief.BriefRule.Condition;
import dev.atelier.identity.Actor;
import dev.atelier.shared.Ids;
import dev.atelier.workflow.RoutingRule;
import dev.atelier.workflow.WorkflowRouting;
import dev.atelier.workflow.WorkflowTemplate;
import dev.atelier.workflow.WorkflowTemplateManagement;
import dev.atelier.workflow.web.WorkflowResources.TemplateResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Workflow templates (YAML in, YAML out), routing rules, and which template a brief template's drafts start. */
@RestController
@Tag(name = "Workflow templates and routing")
class WorkflowTemplateApiController {

    private static final String YAML = "application/yaml";

    private final WorkflowTemplateManagement templates;
    private final WorkflowRouting routing;

    WorkflowTemplateApiController(WorkflowTemplateManagement templates, WorkflowRouting routing) {
        this.templates = templates;
        this.routing = routing;
    }

    record RuleBody(@Nullable String name, @Nullable List<Condition> conditions, @Nullable String templateId, @Nullable String addStage) {}

    record RuleResource(String id, String name, List<Condition> conditions, @Nullable String templateId, @Nullable String addStage, boolean enabled) {
        static RuleResource of(RoutingRule r) {
            return new RuleResource(r.id().toString(), r.name(), r.conditions(), r.template().map(Object::toString).orElse(null),
                    r.addStage().orElse(null), r.enabled());
        }
    }

    record BriefWorkflow(@Nullable String workflowTemplateId) {}

    @GetMapping("/api/v1/workflow-templates")
    List<TemplateResource> list(Actor actor) {
        return templates.all(actor).stream().map(TemplateResource::of).toList();
    }

    @Operation(summary = "Import a workflow template from YAML (admins)",
            description = "Body: the YAML (application/yaml or text/plain). 400 /problems/invalid-fields names each problem by place, e.g. stages[1].rule.")
    @PostMapping(path = "/api/v1/workflow-templates", consumes = {YAML, MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<TemplateResource> create(Actor actor, @RequestBody String yaml) {
        WorkflowTemplate t = templates.create(actor, yaml);
        return ResponseEntity.created(URI.create("/api/v1/workflow-templates/" + t.id())).eTag(AssetEtags.of(t.revision()))
                .body(TemplateResource.of(t));
    }

    @GetMapping("/api/v1/workflow-templates/{id}")
    ResponseEntity<TemplateResource> get(Actor actor, @PathVariable UUID id) {
        WorkflowTemplate t = templates.get(actor, id);
        return ResponseEntity.ok().eTag(AssetEtags.of(t.revision())).body(TemplateResource.of(t));
    }

    @Operation(summary = "Export a workflow template as YAML")
    @GetMapping(path = "/api/v1/workflow-templates/{id}/yaml", produces = YAML)
    ResponseEntity<String> export(Actor actor, @PathVariable UUID id) {
        WorkflowTemplate t = templates.get(actor, id);
        return ResponseEntity.ok().header("Content-Disposition", "attachment; filename=\"workflow-" + t.id() + ".yaml\"")
                .contentType(MediaType.parseMediaType(YAML)).body(t.yaml());
    }

    @Operation(summary = "Replace a workflow template with new YAML (admins)", description = "If-Match: a stale ETag is a 412. Running reviews keep their stages.")
    @PutMapping(path = "/api/v1/workflow-templates/{id}", consumes = {YAML, MediaType.TEXT_PLAIN_VALUE})
    ResponseEntity<TemplateResource> change(Actor actor, @PathVariable UUID id, @RequestBody String yaml,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        WorkflowTemplate t = templates.change(actor, id, yaml, AssetEtags.fromIfMatch(ifMatch));
        return ResponseEntity.ok().eTag(AssetEtags.of(t.revision())).body(TemplateResource.of(t));
    }

    @Operation(summary = "Which workflow the drafts uploaded into this brief template's briefs start (admins)",
            description = "workflowTemplateId empty or null: none.")
    @PutMapping("/api/v1/brief-templates/{id}/workflow")
    BriefWorkflow useForBriefs(Actor actor, @PathVariable UUID id, @RequestBody BriefWorkflow body) {
        Optional<UUID> template = Optional.ofNullable(body.workflowTemplateId()).filter(s -> !s.isBlank()).map(Ids::parse);
        routing.useForBriefs(actor, id, template);
        return new BriefWorkflow(template.map(UUID::toString).orElse(null));
    }

    @Operation(summary = "Routing rules, in the order they are tried")
    @GetMapping("/api/v1/routing-rules")
    List<RuleResource> rules(Actor actor) {
        return routing.all(actor).stream().map(RuleResource::of).toList();
    }

    @Operation(summary = "Add a routing rule (admins)",
            description = "conditions as brief rules ({field, operator, value}); field may also be legal-review or field.<key> (the asset's custom "
                    + "field). templateId picks the template, addStage (one stage in the template YAML) adds a stage.")
    @PostMapping("/api/v1/routing-rules")
    ResponseEntity<RuleResource> createRule(Actor actor, @RequestBody RuleBody body) {
        RoutingRule r = routing.create(actor, Objects.requireNonNullElse(body.name(), ""), Objects.requireNonNullElse(body.conditions(), List.of()),
                Optional.ofNullable(body.templateId()).filter(s -> !s.isBlank()).map(Ids::parse),
                Optional.ofNullable(body.addStage()).filter(s -> !s.isBlank()));
        return ResponseEntity.created(URI.create("/api/v1/routing-rules/" + r.id())).body(RuleResource.of(r));
    }

    @DeleteMapping("/api/v1/routing-rules/{id}")
    ResponseEntity<Void> deleteRule(Actor actor, @PathVariable UUID id) {
        routing.delete(actor, id);
        return ResponseEntity.noContent().build();
    }
}
