package dev.atelier.metadata.web;

import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import dev.atelier.metadata.FieldDefinition;
import dev.atelier.metadata.FieldManagement;
import dev.atelier.metadata.FieldType;
import dev.atelier.metadata.TaxonomyManagement;
import dev.atelier.shared.ProblemException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin pages for the metadata schema (custom fields) and the vocabularies; a refusal is a sentence above the form. */
@Controller
class SchemaPageController {

    private final FieldManagement fields;
    private final TaxonomyManagement taxonomy;

    SchemaPageController(FieldManagement fields, TaxonomyManagement taxonomy) {
        this.fields = fields;
        this.taxonomy = taxonomy;
    }

    @GetMapping("/admin/fields")
    String fieldsPage(Actor actor, Model model) {
        actor.require(Role.ADMIN);
        model.addAttribute("fields", fields.definitions());
        model.addAttribute("types", FieldType.values());
        model.addAttribute("vocabularies", taxonomy.vocabularies());
        return "metadata/schema";
    }

    @PostMapping("/admin/fields")
    String define(Actor actor, @RequestParam String key, @RequestParam String label, @RequestParam String type,
            @RequestParam(defaultValue = "false") boolean required, @RequestParam(defaultValue = "") String help,
            @RequestParam(defaultValue = "") String options, @RequestParam(defaultValue = "") String vocabulary,
            @RequestParam(defaultValue = "") List<String> assetTypes, RedirectAttributes redirect) {
        return attempt(redirect, "/admin/fields", () -> fields.define(actor, new FieldDefinition(key.strip(), label, FieldType.fromSlug(type),
                required, help, lines(options), vocabulary.isBlank() ? Optional.empty() : Optional.of(UUID.fromString(vocabulary)),
                assetTypes, List.of(), 0)));
    }

    @PostMapping("/admin/fields/{key}/delete")
    String remove(Actor actor, @PathVariable String key, RedirectAttributes redirect) {
        return attempt(redirect, "/admin/fields", () -> fields.remove(actor, key));
    }

    @GetMapping("/admin/taxonomy")
    String taxonomyPage(Actor actor, Model model) {
        actor.require(Role.MANAGER);
        var vocabularies = taxonomy.vocabularies();
        model.addAttribute("vocabularies", vocabularies);
        model.addAttribute("terms", vocabularies.stream().collect(java.util.stream.Collectors.toMap(v -> v.id(), v -> taxonomy.terms(v.id()))));
        return "metadata/taxonomy";
    }

    @PostMapping("/admin/taxonomy")
    String createVocabulary(Actor actor, @RequestParam String name, RedirectAttributes redirect) {
        return attempt(redirect, "/admin/taxonomy", () -> taxonomy.createVocabulary(actor, name));
    }

    @PostMapping("/admin/taxonomy/{vocabulary}/terms")
    String addTerm(Actor actor, @PathVariable UUID vocabulary, @RequestParam String label, @RequestParam(defaultValue = "") String parent,
            @RequestParam(defaultValue = "") String synonyms, RedirectAttributes redirect) {
        return attempt(redirect, "/admin/taxonomy", () -> taxonomy.addTerm(actor, vocabulary,
                parent.isBlank() ? Optional.empty() : Optional.of(UUID.fromString(parent)), label, commas(synonyms)));
    }

    @PostMapping("/admin/taxonomy/terms/{id}")
    String editTerm(Actor actor, @PathVariable UUID id, @RequestParam String label, @RequestParam(defaultValue = "") String synonyms,
            @RequestParam(defaultValue = "") String mergeInto, RedirectAttributes redirect) {
        return attempt(redirect, "/admin/taxonomy", () -> {
            if (!mergeInto.isBlank()) {
                taxonomy.mergeTerm(actor, id, UUID.fromString(mergeInto));
            } else {
                taxonomy.editTerm(actor, id, Optional.of(label), Optional.of(commas(synonyms)));
            }
        });
    }

    private static String attempt(RedirectAttributes redirect, String page, Runnable work) {
        try {
            work.run();
        } catch (ProblemException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + page;
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> commas(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
