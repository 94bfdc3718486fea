package dev.atelier.metadata.web;

import dev.atelier.asset.AssetId;
import dev.atelier.identity.Actor;
import dev.atelier.metadata.DominantColour;
import dev.atelier.metadata.ImageAnalysis;
import dev.atelier.metadata.ImageAnalysisManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** Automatic tags and near-duplicates: JSON for the API, fragments for the asset page. */
@Controller
@Tag(name = "Metadata")
class ImageAnalysisController {

    private final ImageAnalysisManagement analyses;

    ImageAnalysisController(ImageAnalysisManagement analyses) {
        this.analyses = analyses;
    }

    record AnalysisResource(int version, String status, @Nullable String reason, @Nullable Integer width, @Nullable Integer height,
            @Nullable Long pixels, @Nullable Double megapixels, @Nullable String megapixelClass, @Nullable Boolean transparent,
            List<DominantColour> colours, @Nullable String hash, @Nullable Integer faces, @Nullable String facesUnknown) {

        static AnalysisResource of(ImageAnalysis a) {
            boolean done = a.analysed();
            return new AnalysisResource(a.version(), a.status().name().toLowerCase(Locale.ROOT), a.reason().orElse(null),
                    done ? a.width() : null, done ? a.height() : null, done ? a.pixels() : null,
                    done ? Math.round(a.megapixels() * 100) / 100.0 : null, done ? a.megapixelClass() : null,
                    done ? a.transparent() : null, a.colours(), done ? String.format(Locale.ROOT, "%016x", a.hash()) : null,
                    a.faceCount().isPresent() ? a.faceCount().getAsInt() : null,
                    done && a.faceCount().isEmpty() ? a.faces().reason() : null);
        }
    }

    record SimilarResource(String id, String title, int distance) {}

    record SimilarList(List<SimilarResource> items) {}

    @Operation(summary = "Automatic tags computed from the version's pixels",
            description = "status: pending until analysed, then analysed, not_applicable (no pixels: video, audio, office files) or "
                    + "failed (with reason). colours: up to five dominant colours (palette name, hex of the k-means cluster centre in "
                    + "CIELAB, share of the pixels); transparent: some pixel is not fully opaque; hash: 64-bit DCT perceptual hash; "
                    + "faces: frontal faces found in a copy at most 1280 px a side, absent when unknown (no detector installed, or it failed on "
                    + "this image), with facesUnknown saying why.")
    @GetMapping("/api/v1/assets/{id}/analysis")
    @ResponseBody
    AnalysisResource get(Actor actor, @PathVariable String id, @RequestParam Optional<Integer> version) {
        return AnalysisResource.of(analyses.of(actor, AssetId.parse(id), version));
    }

    @Operation(summary = "Near-duplicates of the asset's current version",
            description = "Assets you may see whose current version's perceptual hash differs in at most atelier.metadata.similar-distance "
                    + "bits (default 8 of 64), nearest first, at most 12; distance is the number of differing bits.")
    @GetMapping("/api/v1/assets/{id}/similar")
    @ResponseBody
    SimilarList similar(Actor actor, @PathVariable String id) {
        return new SimilarList(analyses.similar(actor, AssetId.parse(id)).stream()
                .map(s -> new SimilarResource(s.id().toString(), s.title(), s.distance())).toList());
    }

    @GetMapping("/assets/{id}/analysis/fragment")
    String analysisFragment(Actor actor, @PathVariable String id, Model model) {
        ImageAnalysis analysis = analyses.of(actor, AssetId.parse(id), Optional.empty());
        model.addAttribute("analysis", analysis);
        model.addAttribute("megapixels", String.format(Locale.ROOT, "%.1f", analysis.megapixels()));
        model.addAttribute("self", "/assets/" + id + "/analysis/fragment");
        return "metadata/analysis :: analysis";
    }

    @GetMapping("/assets/{id}/similar/fragment")
    String similarFragment(Actor actor, @PathVariable String id, Model model) {
        model.addAttribute("similar", analyses.similar(actor, AssetId.parse(id)));
        // until the version's own hash is in there is nothing to compare: ask again
        model.addAttribute("pending", analyses.of(actor, AssetId.parse(id), Optional.empty()).status() == ImageAnalysis.Status.PENDING);
        model.addAttribute("self", "/assets/" + id + "/similar/fragment");
        return "metadata/analysis :: similar";
    }
}
