package dev.atelier.brief.web;

import dev.atelier.asset.AssetId;
import dev.atelier.brief.BriefCollaboration;
import dev.atelier.brief.BriefId;
import dev.atelier.brief.BriefIntake;
import dev.atelier.brief.BriefManagement;
import dev.atelier.brief.LinkedAsset;
import dev.atelier.identity.Actor;
import dev.atelier.search.SearchManagement;
import dev.atelier.search.SearchRequest;
import dev.atelier.shared.InvalidRequestException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The brief page's smaller actions: intake decisions, ticks, comments, linking assets, and the pickers' library search. */
@Controller
class BriefActionsPageController {

    private final BriefManagement briefs;
    private final BriefIntake intake;
    private final BriefCollaboration collaboration;
    private final SearchManagement search;

    BriefActionsPageController(BriefManagement briefs, BriefIntake intake, BriefCollaboration collaboration, SearchManagement search) {
        this.briefs = briefs;
        this.intake = intake;
        this.collaboration = collaboration;
        this.search = search;
    }

    @PostMapping("/briefs/{id}/decision")
    String decide(Actor actor, @PathVariable String id, @RequestParam String outcome, @RequestParam(defaultValue = "") String comment) {
        BriefId brief = BriefId.parse(id);
        switch (outcome) {
            case "accept" -> intake.accept(actor, brief, comment);
            case "return" -> intake.sendBack(actor, brief, comment);
            case "reject" -> intake.reject(actor, brief, comment);
            default -> throw new InvalidRequestException("'" + outcome + "' is not a decision: accept, return or reject.");
        }
        return "redirect:/briefs/" + id + "?decided";
    }

    @PostMapping("/briefs/{id}/criteria/{number}")
    String tick(Actor actor, @PathVariable String id, @PathVariable int number, @RequestParam(defaultValue = "false") boolean met) {
        briefs.markCriterion(actor, BriefId.parse(id), number - 1, met);
        return "redirect:/briefs/" + id + "#criteria";
    }

    @PostMapping("/briefs/{id}/comments")
    String comment(Actor actor, @PathVariable String id, @RequestParam String body) {
        collaboration.comment(actor, BriefId.parse(id), body);
        return "redirect:/briefs/" + id + "#comments";
    }

    @PostMapping("/briefs/{id}/assets")
    String link(Actor actor, @PathVariable String id, @RequestParam List<String> assetId, @RequestParam(defaultValue = "draft") String role) {
        LinkedAsset.Role r = role.equals("reference") ? LinkedAsset.Role.REFERENCE : LinkedAsset.Role.DRAFT;
        assetId.forEach(a -> collaboration.link(actor, BriefId.parse(id), AssetId.parse(a), r));
        return "redirect:/briefs/" + id + "#assets";
    }

    @PostMapping("/briefs/{id}/assets/{assetId}/unlink")
    String unlink(Actor actor, @PathVariable String id, @PathVariable String assetId, @RequestParam String role) {
        collaboration.unlink(actor, BriefId.parse(id), AssetId.parse(assetId), role.equals("reference") ? LinkedAsset.Role.REFERENCE
                : LinkedAsset.Role.DRAFT);
        return "redirect:/briefs/" + id + "#assets";
    }

    /** Library search for the pickers (an htmx fragment): the first 12 matches. */
    @GetMapping("/briefs/asset-search")
    String assetSearch(Actor actor, @RequestParam(defaultValue = "") String q, Model model) {
        var request = new SearchRequest(q.strip(), Map.of(), Optional.empty(), Optional.empty(), 12);
        model.addAttribute("hits", q.isBlank() ? List.of() : search.search(actor, request).hits().stream().filter(h -> !h.trashed()).toList());
        return "brief/picker :: results";
    }
}
