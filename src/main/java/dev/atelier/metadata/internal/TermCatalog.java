package dev.atelier.metadata.internal;

import dev.atelier.metadata.Term;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Every term in memory, for the lookups indexing and validation make on every asset: by id, and
 * by label or synonym within a vocabulary or across all of them. Reloaded after each change of
 * the taxonomy (changes are rare; lookups are many).
 */
@Component
public class TermCatalog {

    private record Snapshot(Map<UUID, Term> byId, Map<UUID, Map<String, UUID>> byWordInVocabulary, Map<String, List<UUID>> byWord,
            Map<UUID, List<UUID>> children) {}

    private final Taxonomies taxonomies;
    private volatile Snapshot snapshot;

    TermCatalog(Taxonomies taxonomies) {
        this.taxonomies = taxonomies;
    }

    /** Forgets the snapshot now and again when the current transaction ends, so no reader keeps what it loaded meanwhile. */
    public void invalidate() {
        snapshot = null;
        dev.atelier.shared.AfterTransaction.run(() -> snapshot = null);
    }

    public Optional<Term> term(UUID id) {
        return Optional.ofNullable(current().byId().get(id));
    }

    /** The term of the vocabulary with this id, label or synonym (any case). */
    public Optional<Term> resolve(UUID vocabulary, String idLabelOrSynonym) {
        Snapshot s = current();
        try {
            Term byId = s.byId().get(UUID.fromString(idLabelOrSynonym.strip()));
            if (byId != null && byId.vocabulary().equals(vocabulary)) {
                return Optional.of(byId);
            }
        } catch (IllegalArgumentException notAnId) {
            // a label or synonym
        }
        return Optional.ofNullable(s.byWordInVocabulary().getOrDefault(vocabulary, Map.of()).get(Taxonomies.key(idLabelOrSynonym)))
                .map(s.byId()::get);
    }

    /** The terms of every vocabulary whose label or a synonym is the word. */
    public List<Term> matching(String word) {
        Snapshot s = current();
        return s.byWord().getOrDefault(Taxonomies.key(word), List.of()).stream().map(s.byId()::get).toList();
    }

    /** What finds the term: its label, its synonyms and the labels of the terms above it. */
    public Set<String> words(Term term) {
        Set<String> words = new LinkedHashSet<>(term.path());
        words.addAll(term.synonyms());
        return words;
    }

    /** The terms of a vocabulary, parents before children, siblings by label. */
    public List<Term> tree(UUID vocabulary) {
        Snapshot s = current();
        List<Term> out = new ArrayList<>();
        s.byId().values().stream().filter(t -> t.vocabulary().equals(vocabulary) && t.parent().isEmpty())
                .sorted(java.util.Comparator.comparing(t -> t.label().toLowerCase(Locale.ROOT))).forEach(t -> walk(s, t, out));
        return out;
    }

    /** The term and every term below it. */
    public List<UUID> subtree(UUID term) {
        Snapshot s = current();
        List<UUID> out = new ArrayList<>();
        List<UUID> todo = new ArrayList<>(List.of(term));
        while (!todo.isEmpty()) {
            UUID next = todo.removeLast();
            out.add(next);
            todo.addAll(s.children().getOrDefault(next, List.of()));
        }
        return out;
    }

    private void walk(Snapshot s, Term t, List<Term> out) {
        out.add(t);
        s.children().getOrDefault(t.id(), List.of()).stream().map(s.byId()::get)
                .sorted(java.util.Comparator.comparing(c -> c.label().toLowerCase(Locale.ROOT))).forEach(c -> walk(s, c, out));
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null) {
            s = load(taxonomies::allTerms);
            snapshot = s;
        }
        return s;
    }

    private static Snapshot load(Supplier<List<Taxonomies.Row>> rows) {
        Map<UUID, Taxonomies.Row> raw = new HashMap<>();
        rows.get().forEach(r -> raw.put(r.id(), r));
        Map<UUID, Term> byId = new HashMap<>();
        Map<UUID, Map<String, UUID>> inVocabulary = new HashMap<>();
        Map<String, List<UUID>> byWord = new HashMap<>();
        Map<UUID, List<UUID>> children = new HashMap<>();
        for (Taxonomies.Row r : raw.values()) {
            byId.put(r.id(), new Term(r.id(), r.vocabulary(), r.parent(), r.label(), r.synonyms(), path(raw, r)));
            r.parent().ifPresent(p -> children.computeIfAbsent(p, k -> new ArrayList<>()).add(r.id()));
            List<String> words = new ArrayList<>(r.synonyms());
            words.addFirst(r.label());
            for (String w : words) {
                inVocabulary.computeIfAbsent(r.vocabulary(), k -> new HashMap<>()).putIfAbsent(Taxonomies.key(w), r.id());
                byWord.computeIfAbsent(Taxonomies.key(w), k -> new ArrayList<>()).add(r.id());
            }
        }
        return new Snapshot(byId, inVocabulary, byWord, children);
    }

    private static List<String> path(Map<UUID, Taxonomies.Row> raw, Taxonomies.Row r) {
        List<String> path = new ArrayList<>();
        Taxonomies.Row at = r;
        for (int depth = 0; at != null && depth < 50; depth++) {
            path.add(at.label());
            at = at.parent().map(raw::get).orElse(null);
        }
        Collections.reverse(path);
        return path;
    }
}
