package dev.atelier.brief.web;

import dev.atelier.asset.AssetManagement;
import dev.atelier.brief.Brief;
import dev.atelier.brief.BriefCollaboration;
import dev.atelier.brief.BriefForm;
import dev.atelier.brief.BriefId;
import dev.atelier.brief.BriefIntake;
import dev.atelier.brief.BriefManagement;
import dev.atelier.brief.BriefStatus;
import dev.atelier.brief.BriefTemplate;
import dev.atelier.brief.BriefTemplateManagement;
import dev.atelier.identity.Actor;
import dev.atelier.identity.DisplayNames;
import dev.atelier.identity.UserManagement;
import dev.atelier.metadata.FieldValidationException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The briefs pages: the list, starting a brief from a template, and a brief's own page, which is
 * its form while it is a draft (or returned) and its record afterwards. Save keeps a draft;
 * Submit saves and submits, and the form comes back with every problem beside its field.
 */
@Controller
class BriefPageController {

    private final BriefManagement briefs;
    private final BriefTemplateManagement templates;
    private final BriefIntake intake;
    private final BriefCollaboration collaboration;
    private final BriefViews views;
    private final UserManagement users;
    private final AssetManagement assets;

    BriefPageController(BriefManagement briefs, BriefTemplateManagement templates, BriefIntake intake, BriefCollaboration collaboration,
            BriefViews views, UserManagement users, AssetManagement assets) {
        this.assets = assets;
        this.briefs = briefs;
        this.templates = templates;
        this.intake = intake;
        this.collaboration = collaboration;
        this.views = views;
        this.users = users;
    }

    @GetMapping("/briefs")
    String list(Actor actor, @RequestParam Optional<String> status, Model model) {
        Optional<BriefStatus> wanted = status.flatMap(s -> Arrays.stream(BriefStatus.values()).filter(x -> x.name().equalsIgnoreCase(s)).findFirst());
        model.addAttribute("briefs", briefs.list(actor, wanted, 200));
        model.addAttribute("status", wanted.map(s -> s.name().toLowerCase(Locale.ROOT)).orElse(""));
        model.addAttribute("statuses", BriefStatus.values());
        model.addAttribute("names", new DisplayNames(users));
        return "brief/briefs";
    }

    @GetMapping("/briefs/new")
    String start(Actor actor, @RequestParam Optional<UUID> template, Model model) {
        if (template.isEmpty()) {
            model.addAttribute("templates", templates.all(actor, false));
            return "brief/choose-template";
        }
        BriefTemplate t = templates.get(actor, template.get());
        return form(model, null, views.empty(actor, t));
    }

    @PostMapping("/briefs")
    String create(Actor actor, @RequestParam UUID template, @RequestParam MultiValueMap<String, String> params,
            @RequestParam(defaultValue = "save") String action, Model model, HttpServletResponse response) {
        BriefTemplate t = templates.get(actor, template);
        BriefForm form = BriefFormParams.form(t, params);
        Brief created;
        try {
            created = briefs.create(actor, template, form);
        } catch (FieldValidationException e) {
            response.setStatus(400);
            return form(model, null, views.entered(actor, t, TemplateFormParams.first(params, "due"), form, BriefTemplatePageController.errors(e)));
        }
        return submitIfAsked(actor, created, action, model, response);
    }

    @GetMapping("/briefs/{id}")
    String show(Actor actor, @PathVariable String id, Model model) {
        Brief b = briefs.get(actor, BriefId.parse(id));
        BriefTemplate t = templates.get(actor, b.template());
        return page(actor, model, b, views.of(actor, t, b));
    }

    @PostMapping("/briefs/{id}")
    String save(Actor actor, @PathVariable String id, @RequestParam long revision, @RequestParam MultiValueMap<String, String> params,
            @RequestParam(defaultValue = "save") String action, Model model, HttpServletResponse response) {
        Brief b = briefs.get(actor, BriefId.parse(id));
        BriefTemplate t = templates.get(actor, b.template());
        BriefForm form = BriefFormParams.form(t, params);
        Brief saved;
        try {
            saved = briefs.edit(actor, b.id(), form, Optional.of(revision));
        } catch (FieldValidationException e) {
            response.setStatus(400);
            return page(actor, model, b, views.entered(actor, t, TemplateFormParams.first(params, "due"), form, BriefTemplatePageController.errors(e)));
        }
        return submitIfAsked(actor, saved, action, model, response);
    }

    private String submitIfAsked(Actor actor, Brief saved, String action, Model model, HttpServletResponse response) {
        if (!action.equals("submit")) {
            return "redirect:/briefs/" + saved.id() + "?saved";
        }
        try {
            briefs.submit(actor, saved.id(), Optional.of(saved.revision()));
            return "redirect:/briefs/" + saved.id() + "?submitted";
        } catch (FieldValidationException e) {
            response.setStatus(400);
            model.addAttribute("incomplete", true);
            BriefFormView view = views.of(actor, templates.get(actor, saved.template()), saved);
            return page(actor, model, saved, new BriefFormView(view.template(), view.title(), view.due(), view.board(), view.assignees(),
                    view.criteria(), view.raw(), view.terms(), view.chosen(), view.people(), view.boards(), BriefTemplatePageController.errors(e)));
        }
    }

    private String page(Actor actor, Model model, Brief b, BriefFormView view) {
        model.addAttribute("brief", b);
        model.addAttribute("editable", b.status().editable() && (actor.id().equals(b.owner()) || actor.has(dev.atelier.identity.Role.MANAGER)));
        model.addAttribute("decides", b.status() == BriefStatus.SUBMITTED && intake.decides(actor, b));
        model.addAttribute("links", collaboration.assets(actor, b.id()).stream()
                .map(l -> new LinkView(l.asset().toString(), assets.get(actor, l.asset()).title(), l.role().name().toLowerCase(Locale.ROOT))).toList());
        model.addAttribute("noAssets", java.util.List.of());
        model.addAttribute("comments", collaboration.comments(actor, b.id()));
        model.addAttribute("names", new DisplayNames(users));
        return form(model, b, view);
    }

    private static String form(Model model, Brief brief, BriefFormView view) {
        model.addAttribute("f", view);
        model.addAttribute("isNew", brief == null);
        model.addAttribute("errorCount", view.errors().size());
        return brief == null ? "brief/new" : "brief/brief";
    }

    record LinkView(String id, String title, String role) {}

}
