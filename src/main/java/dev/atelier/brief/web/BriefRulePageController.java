package dev.atelier.brief.web;

import dev.atelier.brief.BriefRule;
import dev.atelier.brief.BriefRule.Condition;
import dev.atelier.brief.BriefRule.Operator;
import dev.atelier.brief.BriefRuleManagement;
import dev.atelier.brief.RuleDraft;
import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import dev.atelier.metadata.FieldValidationException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Admin page of the brief rules: the list, and one form to add or change a rule. The form has
 * {@value #ROWS} condition rows ({@code field}, {@code operator}, {@code value}, repeated); empty
 * rows are left out.
 */
@Controller
class BriefRulePageController {

    static final int ROWS = 4;

    private final BriefRuleManagement rules;

    BriefRulePageController(BriefRuleManagement rules) {
        this.rules = rules;
    }

    @GetMapping("/admin/brief-rules")
    String list(Actor actor, @RequestParam(required = false) UUID edit, Model model) {
        actor.require(Role.ADMIN);
        BriefRule editing = edit == null ? null : rules.get(actor, edit);
        RuleDraft draft = editing == null ? new RuleDraft("", List.of(), "", false, "", true)
                : new RuleDraft(editing.name(), editing.conditions(), editing.disclaimer(), editing.legalReview(), editing.mandatoryStep(),
                        editing.enabled());
        return page(actor, model, editing == null ? null : editing.id(), draft, Map.of());
    }

    @PostMapping("/admin/brief-rules")
    String save(Actor actor, @RequestParam(required = false) UUID id, @RequestParam MultiValueMap<String, String> form, Model model,
            HttpServletResponse response) {
        RuleDraft draft = draft(form);
        try {
            if (id == null) {
                rules.create(actor, draft);
            } else {
                rules.change(actor, id, draft);
            }
            return "redirect:/admin/brief-rules?saved";
        } catch (FieldValidationException e) {
            response.setStatus(400);
            return page(actor, model, id, draft, BriefTemplatePageController.errors(e));
        }
    }

    @PostMapping("/admin/brief-rules/{id}/delete")
    String delete(Actor actor, @PathVariable UUID id) {
        rules.delete(actor, id);
        return "redirect:/admin/brief-rules";
    }

    private String page(Actor actor, Model model, UUID id, RuleDraft draft, Map<String, String> errors) {
        model.addAttribute("rules", rules.all(actor));
        model.addAttribute("editing", id);
        model.addAttribute("draft", draft);
        List<Condition> rows = new ArrayList<>(draft.conditions());
        while (rows.size() < ROWS) {
            rows.add(new Condition("", Operator.IS, ""));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("operators", Operator.values());
        model.addAttribute("errors", errors);
        return "brief/rules";
    }

    private static RuleDraft draft(MultiValueMap<String, String> form) {
        List<String> fields = form.getOrDefault("field", List.of());
        List<String> operators = form.getOrDefault("operator", List.of());
        List<String> values = form.getOrDefault("value", List.of());
        List<Condition> conditions = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            String value = i < values.size() ? values.get(i) : "";
            if (!fields.get(i).isBlank()) {
                conditions.add(new Condition(fields.get(i), i < operators.size() ? Operator.valueOf(operators.get(i)) : Operator.IS, value));
            }
        }
        return new RuleDraft(TemplateFormParams.first(form, "name"), conditions, TemplateFormParams.first(form, "disclaimer"),
                form.containsKey("legalReview"), TemplateFormParams.first(form, "mandatoryStep"), form.containsKey("enabled"));
    }
}
