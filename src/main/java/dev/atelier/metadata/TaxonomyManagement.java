package dev.atelier.metadata;

import dev.atelier.asset.AssetId;
import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import dev.atelier.metadata.internal.FieldStore;
import dev.atelier.metadata.internal.Taxonomies;
import dev.atelier.metadata.internal.TermCatalog;
import dev.atelier.shared.ConflictException;
import dev.atelier.shared.Ids;
import dev.atelier.shared.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Controlled vocabularies: trees of terms with synonyms that term fields take their values from.
 * Renaming, moving or merging a term changes every asset that carries it (assets store the term,
 * not its label), and {@link FieldValuesChanged} tells the search index which assets to refresh.
 * Managers and admins curate; everyone reads.
 */
@Service
public class TaxonomyManagement {

    private final Taxonomies taxonomies;
    private final TermCatalog catalog;
    private final FieldStore fields;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TaxonomyManagement(Taxonomies taxonomies, TermCatalog catalog, FieldStore fields, ApplicationEventPublisher events, Clock clock) {
        this.taxonomies = taxonomies;
        this.catalog = catalog;
        this.fields = fields;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Vocabulary createVocabulary(Actor actor, String name) {
        actor.require(Role.MANAGER);
        String clean = label("name", name);
        if (taxonomies.vocabularyNamed(clean)) {
            throw new ConflictException("A vocabulary named '" + clean + "' exists already.");
        }
        Vocabulary v = new Vocabulary(Ids.uuidV7(), clean);
        taxonomies.insert(v, clock.instant());
        return v;
    }

    @Transactional(readOnly = true)
    public List<Vocabulary> vocabularies() {
        return taxonomies.vocabularies();
    }

    @Transactional(readOnly = true)
    public Vocabulary vocabulary(UUID id) {
        return taxonomies.vocabulary(id).orElseThrow(() -> new NotFoundException("vocabulary " + id));
    }

    /** The vocabulary's terms, parents before children. */
    @Transactional(readOnly = true)
    public List<Term> terms(UUID vocabulary) {
        vocabulary(vocabulary);
        return catalog.tree(vocabulary);
    }

    @Transactional(readOnly = true)
    public Optional<Term> findTerm(UUID id) {
        return catalog.term(id);
    }

    @Transactional(readOnly = true)
    public Term term(UUID id) {
        return catalog.term(id).orElseThrow(() -> new NotFoundException("term " + id));
    }

    @Transactional
    public Term addTerm(Actor actor, UUID vocabulary, Optional<UUID> parent, String label, List<String> synonyms) {
        actor.require(Role.MANAGER);
        vocabulary(vocabulary);
        parent.ifPresent(p -> requireIn(term(p), vocabulary));
        UUID id = Ids.uuidV7();
        String clean = label("label", label);
        List<String> cleanSynonyms = synonyms(synonyms);
        requireFree(vocabulary, id, clean, cleanSynonyms);
        return save(new Taxonomies.Row(id, vocabulary, parent, clean, cleanSynonyms), List.of(), Set.of());
    }

    /** Renames the term and/or replaces its synonyms; every asset carrying the term (or one below it) is refreshed. */
    @Transactional
    public Term editTerm(Actor actor, UUID id, Optional<String> label, Optional<List<String>> synonyms) {
        actor.require(Role.MANAGER);
        Term t = term(id);
        String clean = label.map(l -> label("label", l)).orElse(t.label());
        List<String> cleanSynonyms = synonyms.map(TaxonomyManagement::synonyms).orElse(t.synonyms());
        requireFree(t.vocabulary(), id, clean, cleanSynonyms);
        return save(new Taxonomies.Row(id, t.vocabulary(), t.parent(), clean, cleanSynonyms), catalog.subtree(id), words(t, clean, cleanSynonyms));
    }

    /** Moves the term (with everything below it) under another term of its vocabulary, or to the top. */
    @Transactional
    public Term moveTerm(Actor actor, UUID id, Optional<UUID> parent) {
        actor.require(Role.MANAGER);
        Term t = term(id);
        if (parent.isPresent()) {
            requireIn(term(parent.get()), t.vocabulary());
            if (catalog.subtree(id).contains(parent.get())) {
                throw new ConflictException("A term cannot move below itself or a term below it.");
            }
        }
        return save(new Taxonomies.Row(id, t.vocabulary(), parent, t.label(), t.synonyms()), catalog.subtree(id), words(t, t.label(), t.synonyms()));
    }

    /**
     * Merges {@code from} into {@code into}: assets carrying {@code from} carry {@code into}
     * instead, {@code from}'s label and synonyms become synonyms of {@code into} (so old searches
     * still find them), its children move to {@code into}, and {@code from} is gone.
     */
    @Transactional
    public Term mergeTerm(Actor actor, UUID from, UUID into) {
        actor.require(Role.MANAGER);
        Term source = term(from);
        Term target = term(into);
        requireIn(target, source.vocabulary());
        if (catalog.subtree(from).contains(into)) {
            throw new ConflictException("A term cannot be merged into a term below it; move that term first.");
        }
        List<AssetId> affected = new ArrayList<>(holders(catalog.subtree(from)));
        affected.addAll(holders(List.of(into)));
        fields.replaceValue(termFields(source.vocabulary()), from.toString(), into.toString());
        taxonomies.reparentChildren(from, into);
        var merged = new LinkedHashSet<>(target.synonyms());
        merged.add(source.label());
        merged.addAll(source.synonyms());
        merged.remove(target.label());
        taxonomies.delete(from);
        return save(new Taxonomies.Row(into, target.vocabulary(), target.parent(), target.label(), List.copyOf(merged)),
                List.of(), words(source, target.label(), List.copyOf(merged)), affected);
    }

    /** Deletes a term no asset carries and no term sits below. */
    @Transactional
    public void deleteTerm(Actor actor, UUID id) {
        actor.require(Role.MANAGER);
        Term t = term(id);
        if (catalog.subtree(id).size() > 1) {
            throw new ConflictException("'" + t.label() + "' has narrower terms; move or delete them first.");
        }
        if (!holders(List.of(id)).isEmpty()) {
            throw new ConflictException("Assets carry '" + t.label() + "'; merge it into another term instead.");
        }
        taxonomies.delete(id);
        catalog.invalidate();
        events.publishEvent(new FieldValuesChanged(List.of(), words(t, t.label(), t.synonyms())));
    }

    private Term save(Taxonomies.Row row, List<UUID> refreshTerms, Set<String> keywords) {
        return save(row, refreshTerms, keywords, holders(refreshTerms));
    }

    private Term save(Taxonomies.Row row, List<UUID> refreshTerms, Set<String> keywords, List<AssetId> assets) {
        taxonomies.save(row);
        catalog.invalidate();
        if (!assets.isEmpty() || !keywords.isEmpty()) {
            events.publishEvent(new FieldValuesChanged(List.copyOf(new LinkedHashSet<>(assets)), keywords));
        }
        return term(row.id());
    }

    private List<AssetId> holders(List<UUID> terms) {
        if (terms.isEmpty()) {
            return List.of();
        }
        UUID vocabulary = term(terms.getFirst()).vocabulary();
        return fields.holding(termFields(vocabulary), terms.stream().map(UUID::toString).toList());
    }

    private List<String> termFields(UUID vocabulary) {
        return fields.definitions().stream().filter(f -> f.type() == FieldType.TERM && f.vocabulary().equals(Optional.of(vocabulary)))
                .map(FieldDefinition::key).toList();
    }

    /** Old and new words of a term, lower-cased: embedded keywords using any of them need refreshing. */
    private static Set<String> words(Term before, String label, List<String> synonyms) {
        Set<String> words = new LinkedHashSet<>();
        words.add(before.label());
        words.addAll(before.synonyms());
        words.add(label);
        words.addAll(synonyms);
        return words.stream().map(w -> w.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new));
    }

    private void requireFree(UUID vocabulary, UUID self, String label, List<String> synonyms) {
        List<String> all = new ArrayList<>(synonyms);
        all.addFirst(label);
        for (String word : all) {
            catalog.matching(word).stream().filter(t -> t.vocabulary().equals(vocabulary) && !t.id().equals(self)).findFirst()
                    .ifPresent(t -> {
                        throw new ConflictException("'" + word + "' already names the term '" + t.label() + "' in this vocabulary.");
                    });
        }
    }

    private static void requireIn(Term term, UUID vocabulary) {
        if (!term.vocabulary().equals(vocabulary)) {
            throw FieldValidationException.of("parent", "'" + term.label() + "' belongs to another vocabulary.");
        }
    }

    private static String label(String what, String text) {
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty() || clean.length() > 200 || clean.contains("\n")) {
            throw FieldValidationException.of(what, "A " + what + " of 1 to 200 characters on one line is required.");
        }
        return clean;
    }

    private static List<String> synonyms(List<String> synonyms) {
        List<String> clean = synonyms.stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        clean.forEach(s -> label("synonym", s));
        return clean;
    }
}
