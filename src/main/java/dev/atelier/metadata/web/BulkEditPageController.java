package dev.atelier.metadata.web;

import dev.atelier.asset.AssetId;
import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import dev.atelier.metadata.AssetSelection;
import dev.atelier.metadata.BulkEdit;
import dev.atelier.metadata.BulkEditManagement;
import dev.atelier.metadata.FieldChange;
import dev.atelier.metadata.FieldManagement;
import dev.atelier.shared.ProblemException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Bulk edit pages: a form for "every result of this search" (reached from the library with the
 * search in the URL), and the job's page with a progress bar that follows it and the report.
 */
@Controller
class BulkEditPageController {

    private static final Set<String> NOT_FACETS = Set.of("q", "sort", "cursor", "limit", "field", "operation", "values", "_csrf", "asset");

    private final BulkEditManagement bulkEdits;
    private final FieldManagement fields;

    BulkEditPageController(BulkEditManagement bulkEdits, FieldManagement fields) {
        this.bulkEdits = bulkEdits;
        this.fields = fields;
    }

    @GetMapping("/bulk-edits/new")
    String form(Actor actor, @RequestParam MultiValueMap<String, String> search, Model model) {
        actor.require(Role.CONTRIBUTOR);
        model.addAttribute("fields", fields.definitions());
        model.addAttribute("query", search.getOrDefault("q", List.of("")).getFirst());
        model.addAttribute("facets", facets(search));
        return "metadata/bulk-edit-form";
    }

    /** The form for assets picked by hand in the library (their ids come as {@code asset} parameters). */
    @PostMapping("/bulk-edits/selection")
    String formForSelection(Actor actor, @RequestParam(name = "asset", defaultValue = "") List<String> assets, Model model) {
        actor.require(Role.CONTRIBUTOR);
        model.addAttribute("fields", fields.definitions());
        model.addAttribute("assets", listed(assets).ids());
        return "metadata/bulk-edit-form";
    }

    @PostMapping("/bulk-edits")
    String start(Actor actor, @RequestParam MultiValueMap<String, String> form, @RequestParam String field, @RequestParam String operation,
            @RequestParam(defaultValue = "") String values, Model model) {
        List<String> picked = form.getOrDefault("asset", List.of());
        String query = form.getOrDefault("q", List.of("")).getFirst();
        AssetSelection selection = picked.isEmpty() ? new AssetSelection.Search(query, facets(form)) : listed(picked);
        List<String> list = Arrays.stream(values.split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
        try {
            BulkEdit edit = bulkEdits.start(actor, selection, List.of(new FieldChange(field, FieldChange.operation(operation), list)));
            return "redirect:/bulk-edits/" + edit.id();
        } catch (ProblemException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("fields", fields.definitions());
            switch (selection) {
                case AssetSelection.Listed l -> model.addAttribute("assets", l.ids());
                case AssetSelection.Search s -> {
                    model.addAttribute("query", s.query());
                    model.addAttribute("facets", s.selected());
                }
            }
            return "metadata/bulk-edit-form";
        }
    }

    private static AssetSelection.Listed listed(List<String> ids) {
        return new AssetSelection.Listed(AssetId.picked(ids));
    }

    @GetMapping("/bulk-edits/{id}")
    String page(Actor actor, @PathVariable UUID id, Model model) {
        model.addAttribute("edit", bulkEdits.get(actor, id));
        return "metadata/bulk-edit";
    }

    @GetMapping("/bulk-edits/{id}/progress")
    String progress(Actor actor, @PathVariable UUID id, Model model) {
        model.addAttribute("edit", bulkEdits.get(actor, id));
        return "metadata/bulk-edit :: progress";
    }

    private static Map<String, List<String>> facets(MultiValueMap<String, String> parameters) {
        Map<String, List<String>> facets = new LinkedHashMap<>();
        parameters.forEach((name, values) -> {
            if (!NOT_FACETS.contains(name)) {
                facets.put(name, values.stream().filter(v -> !v.isBlank()).toList());
            }
        });
        return facets;
    }
}
