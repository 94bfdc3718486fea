package dev.atelier.metadata.web;

import dev.atelier.asset.AssetId;
import dev.atelier.asset.StaleWriteException;
import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import dev.atelier.metadata.AssetFields;
import dev.atelier.metadata.FieldManagement;
import dev.atelier.metadata.FieldType;
import dev.atelier.metadata.FieldValidationException;
import dev.atelier.metadata.TaxonomyManagement;
import dev.atelier.metadata.Term;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The "Fields" box of the asset page: the custom fields with their values, and a form that
 * saves them all at once. A refused save shows each message beside its field and keeps what was typed.
 */
@Controller
class AssetFieldsPageController {

    private static final String PREFIX = "f.";

    private final FieldManagement fields;
    private final TaxonomyManagement taxonomy;

    AssetFieldsPageController(FieldManagement fields, TaxonomyManagement taxonomy) {
        this.fields = fields;
        this.taxonomy = taxonomy;
    }

    @GetMapping("/assets/{id}/fields/fragment")
    String fragment(Actor actor, @PathVariable String id, Model model) {
        return show(actor, fields.of(actor, AssetId.parse(id)), Map.of(), Map.of(), Optional.empty(), model);
    }

    @PostMapping("/assets/{id}/fields")
    String save(Actor actor, @PathVariable String id, @RequestParam long revision, @RequestParam MultiValueMap<String, String> form, Model model) {
        AssetId assetId = AssetId.parse(id);
        Map<String, List<String>> values = new LinkedHashMap<>();
        AssetFields before = fields.of(actor, assetId);
        for (AssetFields.Entry e : before.entries()) {
            List<String> sent = form.getOrDefault(PREFIX + e.field().key(), List.of());
            values.put(e.field().key(), e.field().type() == FieldType.TERM ? split(sent) : sent.stream().filter(v -> !v.isBlank()).toList());
        }
        try {
            AssetFields after = fields.replace(actor, assetId, values, Optional.of(revision));
            return show(actor, after, Map.of(), Map.of(), Optional.of("Saved."), model);
        } catch (FieldValidationException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.errors().forEach(err -> errors.merge(err.field(), err.message(), (a, b) -> a + " " + b));
            return show(actor, before, values, errors, Optional.empty(), model);
        } catch (StaleWriteException e) {
            return show(actor, fields.of(actor, assetId), Map.of(), Map.of(),
                    Optional.of("Someone changed this asset meanwhile; here is what it holds now."), model);
        }
    }

    /** Term fields take several terms in one box, separated by commas. */
    private static List<String> split(List<String> sent) {
        return sent.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    private String show(Actor actor, AssetFields f, Map<String, List<String>> typed, Map<String, String> errors, Optional<String> notice,
            Model model) {
        Map<String, List<String>> shown = new LinkedHashMap<>();
        Map<String, List<String>> suggestions = new LinkedHashMap<>();
        for (AssetFields.Entry e : f.entries()) {
            shown.put(e.field().key(), typed.getOrDefault(e.field().key(), e.values()));
            e.field().vocabulary().ifPresent(v -> suggestions.put(e.field().key(), taxonomy.terms(v).stream().map(Term::label).toList()));
        }
        model.addAttribute("fields", f);
        model.addAttribute("shown", shown);
        model.addAttribute("suggestions", suggestions);
        model.addAttribute("errors", errors);
        model.addAttribute("notice", notice.orElse(null));
        model.addAttribute("canEdit", actor.has(Role.CONTRIBUTOR));
        return "metadata/asset-fields :: box";
    }
}
