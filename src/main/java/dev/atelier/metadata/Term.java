package dev.atelier.metadata;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A term of a vocabulary. Its synonyms find it too: an asset tagged "automobile" is found by
 * "car" when "car" is a synonym of "automobile". {@code path} holds the labels from the root down
 * to this term.
 */
public record Term(UUID id, UUID vocabulary, Optional<UUID> parent, String label, List<String> synonyms, List<String> path) {

    public Term {
        synonyms = List.copyOf(synonyms);
        path = List.copyOf(path);
    }
}
