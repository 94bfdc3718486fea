package dev.atelier.metadata.web;

import dev.atelier.identity.Actor;
import dev.atelier.metadata.TaxonomyManagement;
import dev.atelier.metadata.Term;
import dev.atelier.metadata.Vocabulary;
import dev.atelier.shared.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Controlled vocabularies and their terms. */
@RestController
@Tag(name = "Taxonomy")
class TaxonomyApiController {

    private final TaxonomyManagement taxonomy;

    TaxonomyApiController(TaxonomyManagement taxonomy) {
        this.taxonomy = taxonomy;
    }

    record VocabularyBody(@Nullable String name) {}

    record TermBody(@Nullable String label, @Nullable List<String> synonyms, @Nullable UUID parent) {}

    /** {@code parent} in a PATCH: present and null moves the term to the top; absent leaves it. */
    record TermPatch(@Nullable String label, @Nullable List<String> synonyms, @Nullable String parent, @Nullable Boolean top) {}

    record MergeBody(@Nullable UUID into) {}

    record TermResource(UUID id, UUID vocabulary, @Nullable UUID parent, String label, List<String> synonyms, List<String> path) {
        static TermResource of(Term t) {
            return new TermResource(t.id(), t.vocabulary(), t.parent().orElse(null), t.label(), t.synonyms(), t.path());
        }
    }

    @GetMapping("/api/v1/vocabularies")
    List<Vocabulary> vocabularies() {
        return taxonomy.vocabularies();
    }

    @Operation(summary = "Create a vocabulary (managers)")
    @PostMapping("/api/v1/vocabularies")
    @ResponseStatus(HttpStatus.CREATED)
    Vocabulary create(Actor actor, @RequestBody VocabularyBody body) {
        return taxonomy.createVocabulary(actor, body.name() == null ? "" : body.name());
    }

    @Operation(summary = "A vocabulary's terms, parents before children, each with its path from the top")
    @GetMapping("/api/v1/vocabularies/{id}/terms")
    List<TermResource> terms(@PathVariable UUID id) {
        return taxonomy.terms(id).stream().map(TermResource::of).toList();
    }

    @Operation(summary = "Add a term (managers)", description = "synonyms find the term too: searching any of them finds assets carrying it.")
    @PostMapping("/api/v1/vocabularies/{id}/terms")
    @ResponseStatus(HttpStatus.CREATED)
    TermResource add(Actor actor, @PathVariable UUID id, @RequestBody TermBody body) {
        return TermResource.of(taxonomy.addTerm(actor, id, Optional.ofNullable(body.parent()), body.label() == null ? "" : body.label(),
                body.synonyms() == null ? List.of() : body.synonyms()));
    }

    @GetMapping("/api/v1/terms/{id}")
    TermResource term(@PathVariable UUID id) {
        return TermResource.of(taxonomy.term(id));
    }

    @Operation(summary = "Rename a term, replace its synonyms and/or move it (managers)", description = "parent: the new parent's id; "
            + "top: true moves it to the top level. Every asset carrying the term is re-indexed.")
    @PatchMapping("/api/v1/terms/{id}")
    TermResource edit(Actor actor, @PathVariable UUID id, @RequestBody TermPatch body) {
        Term t = taxonomy.term(id);
        if (body.label() != null || body.synonyms() != null) {
            t = taxonomy.editTerm(actor, id, Optional.ofNullable(body.label()), Optional.ofNullable(body.synonyms()));
        }
        if (Boolean.TRUE.equals(body.top())) {
            t = taxonomy.moveTerm(actor, id, Optional.empty());
        } else if (body.parent() != null) {
            t = taxonomy.moveTerm(actor, id, Optional.of(parse(body.parent())));
        }
        return TermResource.of(t);
    }

    @Operation(summary = "Merge a term into another (managers)", description = "Assets carrying it carry the other instead; its label "
            + "and synonyms become synonyms of the other.")
    @PostMapping("/api/v1/terms/{id}/merge")
    TermResource merge(Actor actor, @PathVariable UUID id, @RequestBody MergeBody body) {
        if (body.into() == null) {
            throw new InvalidRequestException("'into' (the term to merge into) is required.");
        }
        return TermResource.of(taxonomy.mergeTerm(actor, id, body.into()));
    }

    @Operation(summary = "Delete a term no asset carries (managers)")
    @DeleteMapping("/api/v1/terms/{id}")
    ResponseEntity<Void> delete(Actor actor, @PathVariable UUID id) {
        taxonomy.deleteTerm(actor, id);
        return ResponseEntity.noContent().build();
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("'" + id + "' is not a term id.");
        }
    }
}
