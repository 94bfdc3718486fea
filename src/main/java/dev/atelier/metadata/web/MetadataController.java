package dev.atelier.metadata.web;

import dev.atelier.asset.AssetId;
import dev.atelier.identity.Actor;
import dev.atelier.metadata.MetadataManagement;
import dev.atelier.metadata.VersionMetadata;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** Embedded metadata of a version: JSON for the API, a fragment for the asset page. */
@Controller
@Tag(name = "Metadata")
class MetadataController {

    private final MetadataManagement metadata;

    MetadataController(MetadataManagement metadata) {
        this.metadata = metadata;
    }

    record MetadataResource(int version, String status, @Nullable String reason, Map<String, List<String>> fields, Map<String, String> tags) {
        static MetadataResource of(VersionMetadata m) {
            return new MetadataResource(m.version(), m.status().name().toLowerCase(), m.reason().orElse(null), m.fields(), m.raw());
        }
    }

    @Operation(summary = "What the file says about itself: EXIF, IPTC, XMP",
            description = "fields: well-known values (title, caption, keywords, creator, copyright, rights, captured, city, country, gps, "
                    + "camera, lens, exposure, aperture, iso, focalLength, dimensions, duration, pages, software); tags: every tag as Group:Tag. "
                    + "status: pending until read, then read, failed (with reason) or unavailable (exiftool not installed).")
    @GetMapping("/api/v1/assets/{id}/metadata")
    @ResponseBody
    MetadataResource get(Actor actor, @PathVariable String id, @RequestParam Optional<Integer> version) {
        return MetadataResource.of(metadata.of(actor, AssetId.parse(id), version));
    }

    @GetMapping("/assets/{id}/metadata/fragment")
    String fragment(Actor actor, @PathVariable String id, @RequestParam Optional<Integer> version, Model model) {
        VersionMetadata m = metadata.of(actor, AssetId.parse(id), version);
        model.addAttribute("metadata", m);
        model.addAttribute("self", "/assets/" + id + "/metadata/fragment" + version.map(v -> "?version=" + v).orElse(""));
        model.addAttribute("rows", VersionMetadata.Field.ORDER.stream().filter(f -> !m.values(f).isEmpty())
                .map(f -> new Row(LABELS.getOrDefault(f, f), f, m.values(f))).toList());
        return "metadata/fields :: fields";
    }

    record Row(String label, String field, List<String> values) {}

    private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("title", "Title"), Map.entry("caption", "Caption"),
            Map.entry("keywords", "Keywords"), Map.entry("creator", "Creator"), Map.entry("copyright", "Copyright"),
            Map.entry("rights", "Usage terms"), Map.entry("captured", "Captured"), Map.entry("city", "City"), Map.entry("country", "Country"),
            Map.entry("gps", "GPS"), Map.entry("camera", "Camera"), Map.entry("lens", "Lens"), Map.entry("exposure", "Exposure"),
            Map.entry("aperture", "Aperture"), Map.entry("iso", "ISO"), Map.entry("focalLength", "Focal length"),
            Map.entry("dimensions", "Dimensions"), Map.entry("duration", "Duration"), Map.entry("pages", "Pages"), Map.entry("software", "Software"));
}
