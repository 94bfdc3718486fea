package dev.atelier.metadata.web;

import dev.atelier.asset.AssetId;
import dev.atelier.identity.Actor;
import dev.atelier.metadata.TextManagement;
import dev.atelier.metadata.VersionText;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The text found in a version: JSON for the API, a box with an excerpt for the asset page. */
@Controller
@Tag(name = "Metadata")
class TextController {

    static final int EXCERPT = 600;

    private final TextManagement texts;

    TextController(TextManagement texts) {
        this.texts = texts;
    }

    record TextResource(int version, String status, @Nullable String source, int length, boolean truncated, @Nullable String reason,
            String text) {
        static TextResource of(VersionText t) {
            return new TextResource(t.version(), lower(t.status()), t.source().map(TextController::lower).orElse(null), t.length(),
                    t.truncated(), t.reason().orElse(null), t.text());
        }
    }

    @Operation(summary = "The text found in the file, for full-text search",
            description = "status: pending until read, then extracted (source: document for the text of PDFs, Office, OpenDocument, "
                    + "RTF and text files; ocr for images read by tesseract), unsupported (no text for this type), unavailable "
                    + "(tesseract is not installed) or failed (with reason: encrypted, damaged, too large, too slow). "
                    + "truncated: the file held more text than atelier.metadata.text.max-chars, of which the start is kept.")
    @GetMapping("/api/v1/assets/{id}/text")
    @ResponseBody
    TextResource get(Actor actor, @PathVariable String id, @RequestParam Optional<Integer> version) {
        return TextResource.of(texts.of(actor, AssetId.parse(id), version));
    }

    @GetMapping("/assets/{id}/text/fragment")
    String fragment(Actor actor, @PathVariable String id, @RequestParam Optional<Integer> version, Model model) {
        VersionText text = texts.of(actor, AssetId.parse(id), version);
        model.addAttribute("text", text);
        model.addAttribute("status", lower(text.status()));
        model.addAttribute("excerpt", text.excerpt(EXCERPT));
        model.addAttribute("self", "/assets/" + id + "/text/fragment" + version.map(v -> "?version=" + v).orElse(""));
        model.addAttribute("api", "/api/v1/assets/" + id + "/text" + version.map(v -> "?version=" + v).orElse(""));
        return "metadata/text :: text";
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
