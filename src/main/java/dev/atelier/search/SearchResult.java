package dev.atelier.search;

import java.util.List;
import java.util.Optional;

/**
 * A page of results.
 *
 * @param total how many assets the user may see match, exactly
 * @param facets counts over all matches (not only this page); absent on pages after the first
 * @param suggestion when nothing matched, a query with likely typos corrected that would match
 */
public record SearchResult(long total, List<SearchHit> hits, List<Facet> facets, Optional<String> next,
        Optional<String> suggestion) {

    /** A facet and its most frequent values among the matches. */
    public record Facet(String name, List<FacetValue> values) {}

    public record FacetValue(String value, long count, boolean selected) {}
}
