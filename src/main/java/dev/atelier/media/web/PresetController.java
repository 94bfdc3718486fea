package dev.atelier.media.web;

import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetManagement;
import dev.atelier.asset.AssetVersion;
import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import dev.atelier.media.ImageSpec;
import dev.atelier.media.RenditionPreset;
import dev.atelier.media.internal.FocalPoints;
import dev.atelier.media.internal.ImageDelivery;
import dev.atelier.media.internal.RenditionPresets;
import dev.atelier.shared.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Named rendition presets: kept by admins (API and /admin/presets), turned into signed URLs for anyone who may see an asset. */
@Controller
@Tag(name = "Renditions")
class PresetController {

    private final RenditionPresets presets;
    private final ImageDelivery delivery;
    private final AssetManagement assets;
    private final FocalPoints focalPoints;

    PresetController(RenditionPresets presets, ImageDelivery delivery, AssetManagement assets, FocalPoints focalPoints) {
        this.presets = presets;
        this.delivery = delivery;
        this.assets = assets;
        this.focalPoints = focalPoints;
    }

    record PresetResource(String name, String label, String spec) {

        static PresetResource of(RenditionPreset p) {
            return new PresetResource(p.name(), p.label(), p.spec().query());
        }
    }

    record PresetUrl(String preset, String label, String path, String url) {
    }

    @Operation(summary = "The rendition presets")
    @GetMapping("/api/v1/presets")
    @ResponseBody
    List<PresetResource> list(Actor actor) {
        actor.require(Role.VIEWER);
        return presets.list().stream().map(PresetResource::of).toList();
    }

    @Operation(summary = "Create or replace a preset (admin)",
            description = "Body: label and the spec as strings: w, h, fit, g, fm, q, dpr (as for image-url, without v).")
    @PutMapping("/api/v1/presets/{name}")
    @ResponseBody
    PresetResource save(Actor actor, @PathVariable String name, @RequestBody Map<String, Object> body) {
        Map<String, String> spec = new LinkedHashMap<>();
        body.forEach((k, v) -> {
            if (!k.equals("label") && v != null) {
                spec.put(k, v.toString());
            }
        });
        return PresetResource.of(presets.save(actor, name, body.get("label") == null ? "" : body.get("label").toString(), spec));
    }

    @Operation(summary = "Delete a preset (admin)")
    @DeleteMapping("/api/v1/presets/{name}")
    ResponseEntity<Void> delete(Actor actor, @PathVariable String name) {
        presets.delete(actor, name);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "A signed URL for an asset in a preset's size", description = "With v the URL is pinned to that version.")
    @GetMapping("/api/v1/assets/{id}/presets/{name}/url")
    @ResponseBody
    PresetUrl url(Actor actor, @PathVariable String id, @PathVariable String name, @RequestParam Optional<Integer> v) {
        RenditionPreset preset = presets.get(name);
        return signed(actor, AssetId.parse(id), preset, v);
    }

    /** The asset page's "Sizes" box: a link per preset, following the newest version. */
    @GetMapping("/assets/{id}/presets/fragment")
    String fragment(Actor actor, @PathVariable String id, @RequestParam Optional<Integer> version, Model model) {
        AssetId asset = AssetId.parse(id);
        AssetVersion v = assets.version(actor, asset, version);
        // sized copies leave the building: viewers get them for released (approved) versions only
        List<PresetUrl> links = delivery.makesImagesOf(v) && assets.mayDownload(actor, asset, v.number())
                ? presets.list().stream().map(p -> signed(actor, asset, p, Optional.empty())).toList()
                : List.of();
        model.addAttribute("links", links);
        model.addAttribute("focal", focalPoints.find(asset).orElse(null));
        model.addAttribute("canSetFocus", !links.isEmpty() && focalPoints.mayEditQuietly(actor, asset));
        model.addAttribute("assetId", id);
        return "media/presets :: sizes";
    }

    @GetMapping("/admin/presets")
    String page(Actor actor, Model model) {
        actor.require(Role.ADMIN);
        model.addAttribute("presets", presets.list());
        model.addAttribute("fits", List.of("inside", "contain", "cover", "fill"));
        model.addAttribute("gravities", ImageSpec.GRAVITIES);
        model.addAttribute("formats", List.of("auto", "jpeg", "png", "webp", "avif"));
        return "media/admin-presets";
    }

    @PostMapping("/admin/presets")
    String saveFromPage(Actor actor, @RequestParam Map<String, String> form, Model model) {
        Map<String, String> spec = new LinkedHashMap<>(form);
        String name = spec.remove("name");
        String label = spec.remove("label");
        spec.remove("_csrf");
        try {
            model.addAttribute("saved", presets.save(actor, name == null ? "" : name.strip(), label, spec));
        } catch (ProblemException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("form", form);
        }
        return page(actor, model);
    }

    @PostMapping("/admin/presets/{name}/delete")
    String deleteFromPage(Actor actor, @PathVariable String name) {
        presets.delete(actor, name);
        return "redirect:/admin/presets";
    }

    private PresetUrl signed(Actor actor, AssetId asset, RenditionPreset preset, Optional<Integer> version) {
        assets.download(actor, asset, version);
        String path = delivery.signedPath(actor, asset, RenditionPresets.pinned(preset, version));
        String url = ServletUriComponentsBuilder.fromCurrentContextPath().path(path).build(false).toUriString();
        return new PresetUrl(preset.name(), preset.label(), path, url);
    }
}
