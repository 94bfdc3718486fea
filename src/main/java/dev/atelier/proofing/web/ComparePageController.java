package dev.atelier.proofing.web;

import dev.atelier.asset.Asset;
import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetManagement;
import dev.atelier.asset.AssetVersion;
import dev.atelier.identity.Actor;
import dev.atelier.media.RenditionManagement;
import dev.atelier.shared.NotFoundException;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Two versions side by side, overlaid or as a pixel difference. The difference is computed in the
 * browser (compare.js) from the two preview renditions: nothing is decoded in the server.
 */
@Controller
class ComparePageController {

    private final AssetManagement assets;
    private final RenditionManagement renditions;

    ComparePageController(AssetManagement assets, RenditionManagement renditions) {
        this.assets = assets;
        this.renditions = renditions;
    }

    /** One side: its version, how it is previewed, and how many pages it has (1 for single pictures). */
    record Side(AssetVersion version, String kind, String src, int pages) {}

    /** @param a the older version, by default the one before the current; @param b by default the current one */
    @GetMapping("/assets/{id}/compare")
    String compare(Actor actor, @PathVariable String id, @RequestParam Optional<Integer> a, @RequestParam Optional<Integer> b, Model model) {
        AssetId assetId = AssetId.parse(id);
        Asset asset = assets.get(actor, assetId);
        int current = asset.currentVersion().number();
        model.addAttribute("asset", asset);
        model.addAttribute("a", side(asset, a.orElse(Math.max(1, current - 1))));
        model.addAttribute("b", side(asset, b.orElse(current)));
        model.addAttribute("versions", asset.versions().reversed());
        return "proofing/compare";
    }

    private Side side(Asset asset, int number) {
        AssetVersion v = asset.version(number).orElseThrow(() -> new NotFoundException("version " + number + " of asset " + asset.id()));
        Map<String, String> facts = renditions.facts(asset.id(), number);
        String kind = ReviewView.kind(v, facts);
        // video and audio compare by their poster frame and waveform
        return new Side(v, kind, "/assets/" + asset.id() + "/renditions/preview?version=" + number, Integer.parseInt(facts.getOrDefault("pages", "1")));
    }
}
