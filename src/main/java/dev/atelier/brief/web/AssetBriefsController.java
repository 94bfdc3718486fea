package dev.atelier.brief.web;

import dev.atelier.asset.AssetId;
import dev.atelier.brief.Brief;
import dev.atelier.brief.BriefCollaboration;
import dev.atelier.brief.BriefId;
import dev.atelier.brief.BriefManagement;
import dev.atelier.brief.BriefStatus;
import dev.atelier.brief.LinkedAsset;
import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The asset page's "Briefs" box: the briefs the asset is linked to, and linking it to another one. */
@Controller
class AssetBriefsController {

    private final BriefCollaboration collaboration;
    private final BriefManagement briefs;

    AssetBriefsController(BriefCollaboration collaboration, BriefManagement briefs) {
        this.collaboration = collaboration;
        this.briefs = briefs;
    }

    record Linked(String id, String title, String status, String role) {}

    @GetMapping("/assets/{id}/briefs/fragment")
    String box(Actor actor, @PathVariable String id, Model model) {
        AssetId asset = AssetId.parse(id);
        List<Linked> linked = collaboration.linksTo(actor, asset).stream().map(l -> {
            Brief b = briefs.get(actor, l.brief());
            return new Linked(b.id().toString(), b.title(), b.status().label(), l.role().name().toLowerCase(Locale.ROOT));
        }).toList();
        model.addAttribute("assetId", id);
        model.addAttribute("linked", linked);
        model.addAttribute("canLink", actor.has(Role.CONTRIBUTOR));
        model.addAttribute("open", actor.has(Role.CONTRIBUTOR) ? briefs.list(actor, Optional.empty(), 200).stream()
                .filter(b -> b.status() != BriefStatus.REJECTED).toList() : List.of());
        return "brief/asset-box :: box";
    }

    @PostMapping("/assets/{id}/briefs")
    String link(Actor actor, @PathVariable String id, @RequestParam String brief, @RequestParam(defaultValue = "reference") String role) {
        collaboration.link(actor, BriefId.parse(brief), AssetId.parse(id), role.equals("draft") ? LinkedAsset.Role.DRAFT : LinkedAsset.Role.REFERENCE);
        return "redirect:/assets/" + id;
    }
}
