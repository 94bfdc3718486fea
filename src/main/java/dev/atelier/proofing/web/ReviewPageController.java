package dev.atelier.proofing.web;

import dev.atelier.asset.Asset;
import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetManagement;
import dev.atelier.asset.AssetVersion;
import dev.atelier.brief.BriefCollaboration;
import dev.atelier.brief.BriefId;
import dev.atelier.brief.BriefManagement;
import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import dev.atelier.media.RenditionManagement;
import dev.atelier.proofing.Annotation;
import dev.atelier.proofing.AnnotationId;
import dev.atelier.proofing.AnnotationManagement;
import dev.atelier.proofing.CarriedItemId;
import dev.atelier.proofing.CarriedItemManagement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The review page of one version. New annotations are drawn by proofing.js and posted as JSON
 * to the API method's session twin; replies, resolving and the checklists are plain forms.
 */
@Controller
class ReviewPageController {

    private final AssetManagement assets;
    private final AnnotationManagement annotations;
    private final CarriedItemManagement carried;
    private final RenditionManagement renditions;
    private final BriefCollaboration briefLinks;
    private final BriefManagement briefs;
    private final ProofingResources resources;
    private final JsonMapper json;

    ReviewPageController(AssetManagement assets, AnnotationManagement annotations, CarriedItemManagement carried, RenditionManagement renditions,
            BriefCollaboration briefLinks, BriefManagement briefs, ProofingResources resources, JsonMapper json) {
        this.assets = assets;
        this.annotations = annotations;
        this.carried = carried;
        this.renditions = renditions;
        this.briefLinks = briefLinks;
        this.briefs = briefs;
        this.resources = resources;
        this.json = json;
    }

    @GetMapping("/assets/{id}/review")
    String review(Actor actor, @PathVariable String id, @RequestParam Optional<Integer> version, Model model) {
        AssetId assetId = AssetId.parse(id);
        Asset asset = assets.get(actor, assetId);
        AssetVersion v = assets.version(actor, assetId, version);
        Map<String, String> facts = renditions.facts(assetId, v.number());
        String kind = ReviewView.kind(v, facts);
        var names = resources.names();
        List<Annotation> all = annotations.annotations(actor, assetId, v.number());
        boolean mayAddress = carried.mayAddress(actor, assetId, v.number());
        model.addAttribute("view", new ReviewView(asset, v, kind, ReviewView.media(assetId, v.number(), kind),
                Integer.parseInt(facts.getOrDefault("pages", "1")), all.stream().map(a -> ReviewView.thread(a, names, json)).toList(),
                all.stream().filter(Annotation::open).count(),
                carried.carried(actor, assetId, v.number()).stream().map(i -> ReviewView.item(asset, i, actor, mayAddress)).toList(),
                briefLinks.briefsOf(actor, assetId).stream().filter(b -> !b.criteria().isEmpty()).map(b -> ReviewView.brief(b, actor)).toList(),
                annotations.mayAnnotate(actor, assetId), mayAddress, actor.has(Role.REVIEWER)));
        model.addAttribute("versions", asset.versions().reversed());
        return "proofing/review";
    }

    @PostMapping("/assets/{id}/review/annotations/{annotation}/replies")
    String reply(Actor actor, @PathVariable String id, @PathVariable String annotation, @RequestParam String body) {
        Annotation a = annotations.get(actor, AnnotationId.parse(annotation));
        annotations.reply(actor, a.id(), body, List.of());
        return back(a);
    }

    @PostMapping("/assets/{id}/review/annotations/{annotation}/resolve")
    String resolve(Actor actor, @PathVariable String id, @PathVariable String annotation) {
        return back(annotations.resolve(actor, AnnotationId.parse(annotation)));
    }

    @PostMapping("/assets/{id}/review/annotations/{annotation}/reopen")
    String reopen(Actor actor, @PathVariable String id, @PathVariable String annotation) {
        return back(annotations.reopen(actor, AnnotationId.parse(annotation)));
    }

    @PostMapping("/assets/{id}/review/carried/{item}/addressed")
    String addressed(Actor actor, @PathVariable String id, @PathVariable String item) {
        var i = carried.markAddressed(actor, CarriedItemId.parse(item));
        return "redirect:/assets/" + i.asset() + "/review?version=" + i.version() + "#carried";
    }

    @PostMapping("/assets/{id}/review/carried/{item}/confirm")
    String confirm(Actor actor, @PathVariable String id, @PathVariable String item) {
        var i = carried.confirm(actor, CarriedItemId.parse(item));
        return "redirect:/assets/" + i.asset() + "/review?version=" + i.version() + "#carried";
    }

    @PostMapping("/assets/{id}/review/carried/{item}/reopen")
    String reopenItem(Actor actor, @PathVariable String id, @PathVariable String item, @RequestParam String body) {
        var i = carried.reopen(actor, CarriedItemId.parse(item), body);
        return "redirect:/assets/" + i.asset() + "/review?version=" + i.version() + "#carried";
    }

    /** Ticks or unticks a brief's acceptance criterion (1-based {@code number}) from the review page. */
    @PostMapping("/assets/{id}/review/briefs/{brief}/criteria/{number}")
    String criterion(Actor actor, @PathVariable String id, @PathVariable String brief, @PathVariable int number,
            @RequestParam(defaultValue = "false") boolean met, @RequestParam int version) {
        AssetId assetId = AssetId.parse(id);
        assets.get(actor, assetId);
        briefs.markCriterion(actor, BriefId.parse(brief), number - 1, met);
        return "redirect:/assets/" + assetId + "/review?version=" + version + "#criteria";
    }

    private static String back(Annotation a) {
        return "redirect:/assets/" + a.asset() + "/review?version=" + a.version() + "#a-" + a.id();
    }
}
