package dev.atelier.brief.web;

import dev.atelier.asset.AssetEtags;
import dev.atelier.asset.AssetId;
import dev.atelier.brief.BriefFieldType;
import dev.atelier.brief.BriefRule;
import dev.atelier.brief.BriefRuleManagement;
import dev.atelier.brief.BriefTemplate;
import dev.atelier.brief.BriefTemplateManagement;
import dev.atelier.brief.RuleDraft;
import dev.atelier.brief.TemplateDraft;
import dev.atelier.brief.TemplateField;
import dev.atelier.brief.web.BriefResources.RuleResource;
import dev.atelier.brief.web.BriefResources.TemplateResource;
import dev.atelier.identity.Actor;
import dev.atelier.identity.UserId;
import dev.atelier.shared.Ids;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Brief templates and the rules that add disclaimers and mandatory steps to briefs. */
@RestController
@Tag(name = "Brief templates and rules")
class BriefTemplateApiController {

    private final BriefTemplateManagement templates;
    private final BriefRuleManagement rules;

    BriefTemplateApiController(BriefTemplateManagement templates, BriefRuleManagement rules) {
        this.templates = templates;
        this.rules = rules;
    }

    record FieldBody(String key, String label, String type, @Nullable Boolean required, @Nullable String help, @Nullable List<String> options,
            @Nullable String vocabularyId) {
        TemplateField field() {
            return new TemplateField(Objects.requireNonNullElse(key, ""), Objects.requireNonNullElse(label, ""),
                    BriefFieldType.fromSlug(Objects.requireNonNullElse(type, "")), Boolean.TRUE.equals(required),
                    Objects.requireNonNullElse(help, ""), Objects.requireNonNullElse(options, List.of()),
                    Optional.ofNullable(vocabularyId).filter(v -> !v.isBlank()).map(Ids::parse));
        }
    }

    record TemplateBody(String name, @Nullable String description, @Nullable List<FieldBody> fields, @Nullable List<String> reviewerIds,
            @Nullable List<String> guidelineIds) {
        TemplateDraft draft() {
            return new TemplateDraft(Objects.requireNonNullElse(name, ""), Objects.requireNonNullElse(description, ""),
                    Objects.requireNonNullElse(fields, List.<FieldBody>of()).stream().map(FieldBody::field).toList(),
                    Objects.requireNonNullElse(reviewerIds, List.<String>of()).stream().map(s -> new UserId(Ids.parse(s))).toList(),
                    Objects.requireNonNullElse(guidelineIds, List.<String>of()).stream().map(AssetId::parse).toList());
        }
    }

    record Archived(boolean archived) {}

    record RuleBody(String name, @Nullable List<BriefRule.Condition> conditions, @Nullable String disclaimer, @Nullable Boolean legalReview,
            @Nullable String mandatoryStep, @Nullable Boolean enabled) {
        RuleDraft draft() {
            return new RuleDraft(Objects.requireNonNullElse(name, ""), Objects.requireNonNullElse(conditions, List.of()),
                    Objects.requireNonNullElse(disclaimer, ""), Boolean.TRUE.equals(legalReview), Objects.requireNonNullElse(mandatoryStep, ""),
                    !Boolean.FALSE.equals(enabled));
        }
    }

    @Operation(summary = "Brief templates, by name", description = "archived=true lists archived ones too.")
    @GetMapping("/api/v1/brief-templates")
    List<TemplateResource> list(Actor actor, @RequestParam(defaultValue = "false") boolean archived) {
        return templates.all(actor, archived).stream().map(TemplateResource::of).toList();
    }

    @Operation(summary = "Create a brief template (admins)",
            description = "Field types: text, long-text, number, money, date, milestones, choice, multi-choice (need options), channels, markets "
                    + "(need vocabularyId), assets, attachments, checkbox. A 400 /problems/invalid-fields names every wrong part.")
    @PostMapping("/api/v1/brief-templates")
    ResponseEntity<TemplateResource> create(Actor actor, @RequestBody TemplateBody body) {
        BriefTemplate t = templates.create(actor, body.draft());
        return ResponseEntity.created(URI.create("/api/v1/brief-templates/" + t.id())).eTag(AssetEtags.of(t.revision())).body(TemplateResource.of(t));
    }

    @GetMapping("/api/v1/brief-templates/{id}")
    ResponseEntity<TemplateResource> get(Actor actor, @PathVariable String id) {
        BriefTemplate t = templates.get(actor, Ids.parse(id));
        return ResponseEntity.ok().eTag(AssetEtags.of(t.revision())).body(TemplateResource.of(t));
    }

    @Operation(summary = "Replace a template's name, fields, reviewers and guidelines (admins)", description = "If-Match: a stale ETag is a 412.")
    @PutMapping("/api/v1/brief-templates/{id}")
    ResponseEntity<TemplateResource> change(Actor actor, @PathVariable String id, @RequestBody TemplateBody body,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        BriefTemplate t = templates.change(actor, Ids.parse(id), body.draft(), AssetEtags.fromIfMatch(ifMatch));
        return ResponseEntity.ok().eTag(AssetEtags.of(t.revision())).body(TemplateResource.of(t));
    }

    @Operation(summary = "Archive (or restore) a template: archived ones start no new briefs")
    @PostMapping("/api/v1/brief-templates/{id}/archive")
    TemplateResource archive(Actor actor, @PathVariable String id, @RequestBody Archived body) {
        return TemplateResource.of(templates.archive(actor, Ids.parse(id), body.archived()));
    }

    @Operation(summary = "Brief rules", description = "Evaluated on every save of a brief; all conditions must hold.")
    @GetMapping("/api/v1/brief-rules")
    List<RuleResource> rules(Actor actor) {
        return rules.all(actor).stream().map(RuleResource::of).toList();
    }

    @Operation(summary = "Create a brief rule (admins)",
            description = "conditions: [{field, operator, value}] with operator IS, IS_NOT, CONTAINS, IS_SET or GREATER_THAN; field is a "
                    + "template field key, title, channel or market. Effects: disclaimer, legalReview, mandatoryStep.")
    @PostMapping("/api/v1/brief-rules")
    ResponseEntity<RuleResource> createRule(Actor actor, @RequestBody RuleBody body) {
        BriefRule r = rules.create(actor, body.draft());
        return ResponseEntity.created(URI.create("/api/v1/brief-rules/" + r.id())).body(RuleResource.of(r));
    }

    @PutMapping("/api/v1/brief-rules/{id}")
    RuleResource changeRule(Actor actor, @PathVariable String id, @RequestBody RuleBody body) {
        return RuleResource.of(rules.change(actor, Ids.parse(id), body.draft()));
    }

    @DeleteMapping("/api/v1/brief-rules/{id}")
    ResponseEntity<Void> deleteRule(Actor actor, @PathVariable String id) {
        rules.delete(actor, Ids.parse(id));
        return ResponseEntity.noContent().build();
    }

}
