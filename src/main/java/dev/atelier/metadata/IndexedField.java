package dev.atelier.metadata;

import java.util.List;
import java.util.Set;

/**
 * A custom field of an asset as search indexes it.
 *
 * @param values the values as people read and type them (term labels, not ids)
 * @param words more words that should find the asset: the synonyms of its terms and the labels of the terms above them
 */
public record IndexedField(String key, FieldType type, List<String> values, Set<String> words) {
}
