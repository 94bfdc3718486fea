package dev.atelier.workflow.web;

import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetManagement;
import dev.atelier.brief.BriefId;
import dev.atelier.identity.Actor;
import dev.atelier.identity.DisplayNames;
import dev.atelier.identity.Role;
import dev.atelier.identity.UserManagement;
import dev.atelier.proofing.AnnotationManagement;
import dev.atelier.proofing.CarriedItemManagement;
import dev.atelier.shared.Ids;
import dev.atelier.shared.ProblemException;
import dev.atelier.shared.InvalidRequestException;
import dev.atelier.workflow.Stage;
import dev.atelier.workflow.Verdict;
import dev.atelier.workflow.Workflow;
import dev.atelier.workflow.WorkflowDecisions;
import dev.atelier.workflow.WorkflowManagement;
import dev.atelier.workflow.WorkflowStatus;
import dev.atelier.workflow.WorkflowTemplateManagement;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The review pages: an asset's Review box, a review's own page with the decision form, and reviews waiting on me. */
@Controller
class WorkflowPageController {

    private final WorkflowManagement workflows;
    private final WorkflowDecisions decisions;
    private final WorkflowTemplateManagement templates;
    private final AssetManagement assets;
    private final UserManagement users;
    private final AnnotationManagement annotations;
    private final CarriedItemManagement carried;

    WorkflowPageController(WorkflowManagement workflows, WorkflowDecisions decisions, WorkflowTemplateManagement templates, AssetManagement assets,
            UserManagement users, AnnotationManagement annotations, CarriedItemManagement carried) {
        this.annotations = annotations;
        this.carried = carried;
        this.workflows = workflows;
        this.decisions = decisions;
        this.templates = templates;
        this.assets = assets;
        this.users = users;
    }

    @GetMapping("/assets/{id}/workflows/fragment")
    String box(Actor actor, @PathVariable String id, Model model) {
        AssetId asset = AssetId.parse(id);
        List<Workflow> rounds = workflows.ofAsset(actor, asset);
        model.addAttribute("assetId", id);
        model.addAttribute("latest", rounds.stream().findFirst().orElse(null));
        model.addAttribute("approvedCurrent", workflows.approved(asset, assets.get(actor, asset).currentVersion().number()));
        model.addAttribute("canStart", actor.has(Role.CONTRIBUTOR) && rounds.stream().noneMatch(w -> w.status() == WorkflowStatus.RUNNING));
        model.addAttribute("templates", templates.all(actor));
        return "workflow/box :: box";
    }

    @PostMapping("/assets/{id}/workflows")
    String start(Actor actor, @PathVariable String id, @RequestParam(defaultValue = "") String template) {
        Optional<UUID> chosen = template.isBlank() ? Optional.empty() : Optional.of(Ids.parse(template));
        Workflow w = workflows.start(actor, AssetId.parse(id), chosen, Optional.<BriefId>empty());
        return "redirect:/workflows/" + w.id();
    }

    /** The form to send assets picked in the library into review together (their ids as {@code asset} parameters). */
    @PostMapping("/workflows/selection")
    String selection(Actor actor, @RequestParam(name = "asset", defaultValue = "") List<String> picked, Model model) {
        actor.require(Role.CONTRIBUTOR);
        model.addAttribute("assets", AssetId.picked(picked));
        model.addAttribute("templates", templates.all(actor));
        return "workflow/selection";
    }

    /** Starts one round per picked asset, all or none (one already in review refuses them all). */
    @PostMapping("/workflows/selection/start")
    String startSelection(Actor actor, @RequestParam(name = "asset", defaultValue = "") List<String> picked,
            @RequestParam(defaultValue = "") String template, Model model) {
        List<AssetId> ids = AssetId.picked(picked);
        try {
            workflows.startAll(actor, ids, template.isBlank() ? Optional.empty() : Optional.of(Ids.parse(template)));
            return "redirect:/my-work";
        } catch (ProblemException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("assets", ids);
            model.addAttribute("templates", templates.all(actor));
            return "workflow/selection";
        }
    }

    @GetMapping("/workflows/{id}")
    String page(Actor actor, @PathVariable UUID id, Model model) {
        workflows.opened(actor, id);
        Workflow w = workflows.get(actor, id);
        List<Stage> mine = w.active().stream().filter(s -> s.reviewedBy(actor.id())).toList();
        model.addAttribute("w", w);
        model.addAttribute("asset", assets.get(actor, w.asset()));
        model.addAttribute("decisions", workflows.decisions(actor, id));
        model.addAttribute("mine", mine);
        model.addAttribute("verdicts", Verdict.values());
        model.addAttribute("names", new DisplayNames(users));
        model.addAttribute("canCancel", w.status() == WorkflowStatus.RUNNING && (actor.id().equals(w.owner()) || actor.has(Role.MANAGER)));
        model.addAttribute("openAnnotations", annotations.openCount(actor, w.asset(), w.version()));
        model.addAttribute("unconfirmed", carried.unconfirmedCount(actor, w.asset(), w.version()));
        return "workflow/workflow";
    }

    @PostMapping("/workflows/{id}/decisions")
    String decide(Actor actor, @PathVariable UUID id, @RequestParam String stage, @RequestParam String verdict,
            @RequestParam(defaultValue = "") String comment) {
        Verdict v;
        try {
            v = Verdict.fromSlug(verdict);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(e.getMessage());
        }
        decisions.decide(actor, id, Optional.of(stage), v, comment);
        return "redirect:/workflows/" + id + "?decided";
    }

    @PostMapping("/workflows/{id}/cancel")
    String cancel(Actor actor, @PathVariable UUID id) {
        decisions.cancel(actor, id);
        return "redirect:/workflows/" + id;
    }

    @GetMapping("/me/reviews/fragment")
    String waiting(Actor actor, Model model) {
        model.addAttribute("reviews", workflows.waitingOn(actor).stream()
                .map(w -> new Waiting(w.id().toString(), assets.get(actor, w.asset()).title(), w.version(), w.round(), w.templateName())).toList());
        return "workflow/waiting :: waiting";
    }

    record Waiting(String id, String title, int version, int round, String template) {}
}
