package dev.atelier.metadata.web;

import dev.atelier.collection.CollectionManagement;
import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import dev.atelier.metadata.CollectionDefaults;
import dev.atelier.metadata.FieldDefinition;
import dev.atelier.metadata.FieldManagement;
import dev.atelier.metadata.FieldValidationException;
import dev.atelier.metadata.TaxonomyManagement;
import dev.atelier.metadata.Term;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The page where managers set the field values a collection gives the assets put into it. */
@Controller
class CollectionDefaultsPageController {

    private final CollectionDefaults defaults;
    private final FieldManagement fields;
    private final TaxonomyManagement taxonomy;
    private final CollectionManagement collections;

    CollectionDefaultsPageController(CollectionDefaults defaults, FieldManagement fields, TaxonomyManagement taxonomy,
            CollectionManagement collections) {
        this.defaults = defaults;
        this.fields = fields;
        this.taxonomy = taxonomy;
        this.collections = collections;
    }

    @GetMapping("/collections/{id}/defaults")
    String page(Actor actor, @PathVariable UUID id, Model model) {
        return show(actor, id, defaults.of(actor, id), Map.of(), null, model);
    }

    @PostMapping("/collections/{id}/defaults")
    String save(Actor actor, @PathVariable UUID id, @RequestParam MultiValueMap<String, String> form, Model model) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (FieldDefinition f : fields.definitions()) {
            values.put(f.key(), form.getOrDefault("f." + f.key(), List.of()).stream()
                    .flatMap(v -> Arrays.stream(v.split(","))).map(String::strip).filter(v -> !v.isEmpty()).toList());
        }
        try {
            return show(actor, id, defaults.set(actor, id, values), Map.of(), "Saved. Assets put into this collection from now on get these values.", model);
        } catch (FieldValidationException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.errors().forEach(err -> errors.merge(err.field(), err.message(), (a, b) -> a + " " + b));
            return show(actor, id, values, errors, null, model);
        }
    }

    private String show(Actor actor, UUID id, Map<String, List<String>> values, Map<String, String> errors, String notice, Model model) {
        Map<String, List<String>> suggestions = new LinkedHashMap<>();
        fields.definitions().forEach(f -> suggestions.put(f.key(), f.vocabulary()
                .map(v -> taxonomy.terms(v).stream().map(Term::label).toList()).orElse(f.options())));
        model.addAttribute("collection", collections.get(actor, id));
        model.addAttribute("fields", fields.definitions());
        model.addAttribute("values", values);
        model.addAttribute("suggestions", suggestions);
        model.addAttribute("errors", errors);
        model.addAttribute("notice", notice);
        model.addAttribute("canEdit", actor.has(Role.MANAGER));
        return "metadata/collection-defaults";
    }
}
