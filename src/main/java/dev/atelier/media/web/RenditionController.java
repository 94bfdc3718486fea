package dev.atelier.media.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetManagement;
import dev.atelier.asset.AssetVersion;
import dev.atelier.identity.Actor;
import dev.atelier.media.Rendition;
import dev.atelier.media.RenditionKind;
import dev.atelier.media.RenditionManagement;
import dev.atelier.media.RenditionStatus;
import dev.atelier.media.internal.ImageDelivery;
import dev.atelier.shared.ProblemException;
import dev.atelier.storage.BlobStore;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** Rendition images and their status, for the API and for the UI's preview fragments. */
@Controller
@Tag(name = "Renditions")
class RenditionController {

    private final AssetManagement assets;
    private final RenditionManagement renditions;
    private final ImageDelivery delivery;
    private final BlobStore blobs;

    RenditionController(AssetManagement assets, RenditionManagement renditions, ImageDelivery delivery, BlobStore blobs) {
        this.assets = assets;
        this.renditions = renditions;
        this.delivery = delivery;
        this.blobs = blobs;
    }

    record RenditionResource(String name, int version, String status, String mediaType, int width, int height, String reason,
            String href) {

        static RenditionResource of(Rendition r) {
            return new RenditionResource(r.kind().slug(), r.version(), r.status().name().toLowerCase(), r.mediaType().orElse(null),
                    r.width(), r.height(), r.reason().orElse(null),
                    "/api/v1/assets/" + r.assetId() + "/renditions/" + r.kind().slug() + "?version=" + r.version());
        }
    }

    @Operation(summary = "Status of every rendition of a version (the current one by default)")
    @GetMapping("/api/v1/assets/{id}/renditions")
    @ResponseBody
    List<RenditionResource> list(Actor actor, @PathVariable String id, @RequestParam Optional<Integer> version) {
        AssetVersion v = assets.version(actor, AssetId.parse(id), version);
        return renditions.all(AssetId.parse(id), v.number(), v.mediaType()).stream().map(RenditionResource::of).toList();
    }

    @Operation(summary = "What the media engines learnt of a version",
            description = "width, height, pages (PDF), duration (seconds), videoCodec, audioCodec — where they apply — and for images the "
                    + "engine that made the renditions (libvips or java-imageio); empty until processed.")
    @GetMapping("/api/v1/assets/{id}/media-facts")
    @ResponseBody
    Map<String, String> facts(Actor actor, @PathVariable String id, @RequestParam Optional<Integer> version) {
        AssetVersion v = assets.version(actor, AssetId.parse(id), version);
        return renditions.facts(AssetId.parse(id), v.number());
    }

    @Operation(summary = "A rendition (thumbnail ≈400 px, preview ≈2048 px, proxy: playable MP4/AAC, filmstrip: ten frames)",
            description = "404 /problems/rendition-not-ready while it is pending, failed or unsupported; the detail says which.")
    @GetMapping({"/api/v1/assets/{id}/renditions/{name}", "/assets/{id}/renditions/{name}"})
    ResponseEntity<Resource> image(Actor actor, @PathVariable String id, @PathVariable String name,
            @RequestParam Optional<Integer> version) {
        Rendition r = resolve(actor, id, name, version);
        if (r.status() != RenditionStatus.READY || r.blobKey().isEmpty()) {
            throw new RenditionNotReadyException(r);
        }
        Resource body = BlobBodies.of(blobs, r.blobKey().get(), () -> new RenditionNotReadyException(r));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(r.mediaType().orElse("image/jpeg")))
                .eTag("\"" + r.blobKey().get().sha256() + "\"")
                // a URL naming its version never changes; one without follows the current version, so revalidate
                .cacheControl(version.isPresent() ? CacheControl.maxAge(Duration.ofDays(365)).cachePrivate().immutable()
                        : CacheControl.noCache().cachePrivate())
                .header("X-Content-Type-Options", "nosniff")
                .body(body);
    }

    /** The UI's preview box: an image when ready, a self-refreshing "processing" state, or the reason there is none. */
    @GetMapping("/assets/{id}/renditions/{name}/fragment")
    String fragment(Actor actor, @PathVariable String id, @PathVariable String name, @RequestParam Optional<Integer> version,
            Model model) {
        Rendition r = resolve(actor, id, name, version);
        model.addAttribute("r", r);
        model.addAttribute("src", "/assets/" + id + "/renditions/" + name + "?version=" + r.version());
        // a player shows the preview image (poster frame, waveform) until it plays
        model.addAttribute("poster", "/assets/" + id + "/renditions/preview?version=" + r.version());
        model.addAttribute("self", "/assets/" + id + "/renditions/" + name + "/fragment?version=" + r.version());
        return "media/rendition :: rendition";
    }

    /**
     * A PDF's (or multi-page image's) pages in the asset page's preview box, one at a time, made
     * on demand through signed dynamic rendition URLs; until the file has been read, the preview's
     * own "processing" state, which polls back here.
     */
    @GetMapping("/assets/{id}/pages/fragment")
    String pages(Actor actor, @PathVariable String id, @RequestParam Optional<Integer> version,
            @RequestParam(defaultValue = "1") int page, Model model) {
        AssetVersion v = assets.version(actor, AssetId.parse(id), version);
        String pages = renditions.facts(AssetId.parse(id), v.number()).get("pages");
        if (pages == null) {
            String self = fragment(actor, id, RenditionKind.PREVIEW.slug(), Optional.of(v.number()), model);
            Rendition r = (Rendition) model.getAttribute("r");
            if (r.status() == RenditionStatus.PENDING) {
                model.addAttribute("self", "/assets/" + id + "/pages/fragment?version=" + v.number());
            }
            return self;
        }
        int count = Integer.parseInt(pages);
        int shown = Math.clamp(page, 1, count);
        var spec = dev.atelier.media.ImageSpec.parse(Map.of("v", Integer.toString(v.number()), "w", "2048", "h", "2048",
                "page", Integer.toString(shown)));
        model.addAttribute("src", delivery.signedPath(actor, AssetId.parse(id), spec));
        model.addAttribute("page", shown);
        model.addAttribute("count", count);
        model.addAttribute("base", "/assets/" + id + "/pages/fragment?version=" + v.number() + "&page=");
        return "media/pages :: pages";
    }

    private Rendition resolve(Actor actor, String id, String name, Optional<Integer> version) {
        RenditionKind kind = RenditionKind.fromSlug(name);
        AssetVersion v = assets.version(actor, AssetId.parse(id), version);
        return renditions.status(AssetId.parse(id), v.number(), kind);
    }

    static final class RenditionNotReadyException extends ProblemException {

        RenditionNotReadyException(Rendition r) {
            super(404, URI.create("/problems/rendition-not-ready"), "Rendition not ready", switch (r.status()) {
                case PENDING -> "The " + r.kind().slug() + " is still being made; try again shortly.";
                case UNSUPPORTED -> "There is no " + r.kind().slug() + " for this type: " + r.reason().orElse("") + ".";
                default -> "The " + r.kind().slug() + " could not be made: " + r.reason().orElse("unknown reason") + ".";
            });
        }
    }
}
