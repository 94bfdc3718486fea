package dev.atelier.asset.web;

import dev.atelier.asset.Asset;
import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetManagement;
import dev.atelier.asset.AssetStatus;
import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import dev.atelier.identity.UserManagement;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** One asset: preview, details, versions; edit, trash and restore by form post. */
@Controller
class AssetPageController {

    private final AssetManagement assets;
    private final UserManagement users;

    AssetPageController(AssetManagement assets, UserManagement users) {
        this.assets = assets;
        this.users = users;
    }

    @GetMapping("/assets/{id}")
    String show(Actor actor, @PathVariable String id, Model model) {
        Asset asset = assets.get(actor, AssetId.parse(id));
        model.addAttribute("asset", asset);
        model.addAttribute("current", asset.currentVersion());
        model.addAttribute("versions", asset.versions().reversed());
        model.addAttribute("trashed", asset.status() == AssetStatus.TRASHED);
        model.addAttribute("size", humanSize(asset.currentVersion().size()));
        model.addAttribute("owner", users.get(asset.ownerId()).displayName());
        model.addAttribute("canUpload", actor.has(Role.CONTRIBUTOR));
        model.addAttribute("canEdit", actor.has(Role.CONTRIBUTOR));
        model.addAttribute("canTrash", actor.id().equals(asset.ownerId()) || actor.has(Role.MANAGER));
        return "asset/detail";
    }

    @PostMapping("/assets/{id}/edit")
    String edit(Actor actor, @PathVariable String id, @RequestParam String title, @RequestParam(defaultValue = "") String description,
            @RequestParam long revision, @RequestParam(defaultValue = "false") boolean confidential) {
        assets.edit(actor, AssetId.parse(id), Optional.of(title), Optional.of(description), Optional.of(revision));
        assets.setConfidential(actor, AssetId.parse(id), confidential);
        return "redirect:/assets/" + id;
    }

    @PostMapping("/assets/{id}/trash")
    String trash(Actor actor, @PathVariable String id) {
        assets.trash(actor, AssetId.parse(id));
        return "redirect:/assets/" + id;
    }

    @PostMapping("/assets/{id}/restore")
    String restore(Actor actor, @PathVariable String id) {
        assets.restore(actor, AssetId.parse(id));
        return "redirect:/assets/" + id;
    }

    static String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(java.util.Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, units[unit]);
    }

}
