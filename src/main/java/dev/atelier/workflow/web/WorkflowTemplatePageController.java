package dev.atelier.workflow.web;

import dev.atelier.brief.BriefRule.Condition;
import dev.atelier.brief.BriefRule.Operator;
import dev.atelier.brief.BriefTemplate;
import dev.atelier.brief.BriefTemplateManagement;
import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import dev.atelier.metadata.FieldValidationException;
import dev.atelier.shared.Ids;
import dev.atelier.workflow.WorkflowRouting;
import dev.atelier.workflow.WorkflowTemplate;
import dev.atelier.workflow.WorkflowTemplateManagement;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** Admin page of workflow templates: YAML in a text area (with every problem listed), export, and which brief templates start them. */
@Controller
class WorkflowTemplatePageController {

    static final String EXAMPLE = """
            name: Campaign review
            stages:
              - key: brand
                name: Brand
                reviewers: { groups: [Brand team] }
                rule: all
                due: 2 business days
              - key: legal
                name: Legal
                reviewers: { roles: [manager] }
                rule: any
              - key: final
                name: Final sign-off
                after: [brand, legal]
                reviewers: { users: [admin] }
            """;

    private final WorkflowTemplateManagement templates;
    private final WorkflowRouting routing;
    private final BriefTemplateManagement briefTemplates;

    WorkflowTemplatePageController(WorkflowTemplateManagement templates, WorkflowRouting routing, BriefTemplateManagement briefTemplates) {
        this.templates = templates;
        this.routing = routing;
        this.briefTemplates = briefTemplates;
    }

    record BriefUse(BriefTemplate template, boolean uses) {}

    @GetMapping("/admin/workflow-templates")
    String list(Actor actor, @RequestParam Optional<UUID> edit, Model model) {
        actor.require(Role.ADMIN);
        Optional<WorkflowTemplate> editing = edit.map(id -> templates.get(actor, id));
        return page(actor, model, editing, editing.map(WorkflowTemplate::yaml).orElse(EXAMPLE), List.of());
    }

    @PostMapping("/admin/workflow-templates")
    String save(Actor actor, @RequestParam Optional<UUID> id, @RequestParam String yaml, @RequestParam Optional<Long> revision,
            @RequestParam(required = false) List<UUID> briefTemplates, Model model, HttpServletResponse response) {
        try {
            WorkflowTemplate t = routing.saveTemplate(actor, id, yaml, revision, briefTemplates == null ? java.util.Set.of()
                    : java.util.Set.copyOf(briefTemplates), this.briefTemplates.all(actor, false).stream().map(BriefTemplate::id).toList());
            return "redirect:/admin/workflow-templates?edit=" + t.id() + "&saved";
        } catch (FieldValidationException e) {
            response.setStatus(400);
            return page(actor, model, id.map(x -> templates.get(actor, x)), yaml,
                    e.errors().stream().map(err -> err.field() + ": " + err.message()).toList());
        }
    }

    @PostMapping("/admin/routing-rules")
    String addRule(Actor actor, @RequestParam String name, @RequestParam List<String> field, @RequestParam List<String> operator,
            @RequestParam List<String> value, @RequestParam(defaultValue = "") String template, @RequestParam(defaultValue = "") String addStage,
            Model model, HttpServletResponse response) {
        List<Condition> conditions = new java.util.ArrayList<>();
        for (int i = 0; i < field.size(); i++) {
            if (!field.get(i).isBlank()) {
                conditions.add(new Condition(field.get(i).strip(), operator(i < operator.size() ? operator.get(i) : "IS"),
                        i < value.size() ? value.get(i).strip() : ""));
            }
        }
        try {
            routing.create(actor, name, conditions, Optional.of(template).filter(t -> !t.isBlank()).map(Ids::parse),
                    Optional.of(addStage).filter(a -> !a.isBlank()));
            return "redirect:/admin/workflow-templates?ruleSaved";
        } catch (FieldValidationException e) {
            response.setStatus(400);
            return page(actor, model, Optional.empty(), EXAMPLE, e.errors().stream().map(err -> err.field() + ": " + err.message()).toList());
        }
    }

    private static Operator operator(String name) {
        try {
            return Operator.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new dev.atelier.shared.InvalidRequestException("'" + name + "' is not an operator: IS, IS_NOT, CONTAINS, IS_SET or GREATER_THAN.");
        }
    }

    @PostMapping("/admin/routing-rules/{id}/delete")
    String deleteRule(Actor actor, @PathVariable UUID id) {
        routing.delete(actor, id);
        return "redirect:/admin/workflow-templates";
    }

    @GetMapping(path = "/admin/workflow-templates/{id}/yaml", produces = "application/yaml")
    @ResponseBody
    ResponseEntity<String> export(Actor actor, @PathVariable UUID id) {
        WorkflowTemplate t = templates.get(actor, id);
        return ResponseEntity.ok().header("Content-Disposition", "attachment; filename=\"" + t.name().replaceAll("[^A-Za-z0-9_-]+", "-") + ".yaml\"")
                .contentType(MediaType.parseMediaType("application/yaml")).body(t.yaml());
    }

    private String page(Actor actor, Model model, Optional<WorkflowTemplate> editing, String yaml, List<String> errors) {
        model.addAttribute("templates", templates.all(actor));
        model.addAttribute("editing", editing.orElse(null));
        model.addAttribute("yaml", yaml);
        model.addAttribute("errors", errors);
        model.addAttribute("briefUses", briefTemplates.all(actor, false).stream()
                .map(b -> new BriefUse(b, editing.flatMap(t -> routing.forBriefs(b.id()).map(t.id()::equals)).orElse(false))).toList());
        model.addAttribute("rules", routing.all(actor));
        model.addAttribute("operators", Operator.values());
        return "workflow/templates";
    }
}
