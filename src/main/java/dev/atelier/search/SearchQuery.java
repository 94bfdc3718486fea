package dev.atelier.search;

import java.util.List;

/**
 * A parsed query, independent of the index engine. Produced by {@link SearchQuery#parse}; the
 * grammar is the one people type in the search box:
 * <pre>
 *   red car            both words (AND is implied)
 *   red OR blue        either
 *   "red car"          the phrase
 *   -draft, NOT draft  without
 *   (a OR b) c         grouping
 *   type:video  created:&gt;2026-01-01  size:&lt;=10MB  created:2026-01..2026-03  title:"spring hero"
 *   hero*              words starting with "hero"
 * </pre>
 */
public sealed interface SearchQuery {

    /** Free text matched against every text field. */
    record Words(String text, boolean prefix) implements SearchQuery {}

    /** Consecutive words matched against every text field. */
    record Phrase(String text) implements SearchQuery {}

    /** A named field compared with a value; {@code to} is present only for {@link Comparison#BETWEEN}. */
    record Field(String name, Comparison comparison, String value, String to) implements SearchQuery {}

    record All(List<SearchQuery> parts) implements SearchQuery {}

    record Any(List<SearchQuery> parts) implements SearchQuery {}

    record Not(SearchQuery part) implements SearchQuery {}

    /** The empty query: everything the user may see. */
    record Everything() implements SearchQuery {}

    enum Comparison { EQUALS, GREATER, AT_LEAST, LESS, AT_MOST, BETWEEN }

    /** @throws InvalidQueryException with the position and what was expected */
    static SearchQuery parse(String text) {
        return new QueryParser(text).parse();
    }
}
