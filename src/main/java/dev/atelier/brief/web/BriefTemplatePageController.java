package dev.atelier.brief.web;

import dev.atelier.asset.AssetManagement;
import dev.atelier.brief.BriefFieldType;
import dev.atelier.brief.BriefTemplate;
import dev.atelier.brief.BriefTemplateManagement;
import dev.atelier.brief.TemplateDraft;
import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import dev.atelier.identity.UserManagement;
import dev.atelier.metadata.FieldValidationException;
import dev.atelier.metadata.TaxonomyManagement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import jakarta.servlet.http.HttpServletResponse;

/** Admin pages: the list of brief templates and the template builder. */
@Controller
class BriefTemplatePageController {

    private final BriefTemplateManagement templates;
    private final TaxonomyManagement taxonomy;
    private final UserManagement users;
    private final AssetManagement assets;

    BriefTemplatePageController(BriefTemplateManagement templates, TaxonomyManagement taxonomy, UserManagement users, AssetManagement assets) {
        this.templates = templates;
        this.taxonomy = taxonomy;
        this.users = users;
        this.assets = assets;
    }

    @GetMapping("/admin/brief-templates")
    String list(Actor actor, Model model) {
        actor.require(Role.ADMIN);
        model.addAttribute("templates", templates.all(actor, true));
        return "brief/templates";
    }

    @GetMapping("/admin/brief-templates/new")
    String create(Actor actor, Model model) {
        actor.require(Role.ADMIN);
        return editor(actor, model, null, new TemplateDraft("", "", List.of(), List.of(), List.of()), Map.of());
    }

    @GetMapping("/admin/brief-templates/{id}")
    String edit(Actor actor, @PathVariable UUID id, Model model) {
        actor.require(Role.ADMIN);
        BriefTemplate t = templates.get(actor, id);
        return editor(actor, model, t, new TemplateDraft(t.name(), t.description(), t.fields(), t.reviewers(), t.guidelines()), Map.of());
    }

    @PostMapping("/admin/brief-templates")
    String saveNew(Actor actor, @RequestParam MultiValueMap<String, String> form, Model model, HttpServletResponse response) {
        TemplateDraft draft = TemplateFormParams.draft(form);
        try {
            BriefTemplate t = templates.create(actor, draft);
            return "redirect:/admin/brief-templates/" + t.id() + "?saved";
        } catch (FieldValidationException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return editor(actor, model, null, draft, errors(e));
        }
    }

    @PostMapping("/admin/brief-templates/{id}")
    String save(Actor actor, @PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, @RequestParam long revision, Model model,
            HttpServletResponse response) {
        TemplateDraft draft = TemplateFormParams.draft(form);
        try {
            templates.change(actor, id, draft, java.util.Optional.of(revision));
            return "redirect:/admin/brief-templates/" + id + "?saved";
        } catch (FieldValidationException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return editor(actor, model, templates.get(actor, id), draft, errors(e));
        }
    }

    @PostMapping("/admin/brief-templates/{id}/archive")
    String archive(Actor actor, @PathVariable UUID id, @RequestParam boolean archived) {
        templates.archive(actor, id, archived);
        return "redirect:/admin/brief-templates";
    }

    private String editor(Actor actor, Model model, BriefTemplate template, TemplateDraft draft, Map<String, String> errors) {
        model.addAttribute("template", template);
        model.addAttribute("draft", draft);
        model.addAttribute("errors", errors);
        model.addAttribute("nl", "\n");
        model.addAttribute("types", BriefFieldType.values());
        model.addAttribute("vocabularies", taxonomy.vocabularies());
        model.addAttribute("reviewers", users.directory(actor).stream().filter(u -> u.role().includes(Role.REVIEWER)).toList());
        model.addAttribute("guidelines", draft.guidelines().stream().flatMap(g -> assets.find(g).stream()).toList());
        return "brief/template-editor";
    }

    /** Problems by form name ({@code fields[2].key}); several for one name are joined. */
    static Map<String, String> errors(FieldValidationException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.errors().forEach(err -> errors.merge(err.field(), err.message(), (a, b) -> a + " " + b));
        return errors;
    }
}
