package dev.atelier.search;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One search: the typed query, the facet values chosen (values of one facet are OR'ed, facets
 * are AND'ed), the order, and the page.
 *
 * @param selected facet name → chosen values, e.g. {@code type → [image, video]}
 * @param sort empty for the default: relevance when the query has words, newest otherwise
 * @param cursor the {@code next} of the previous page
 * @param limit clamped to 1..200
 */
public record SearchRequest(String query, Map<String, List<String>> selected, Optional<SearchSort> sort,
        Optional<String> cursor, int limit) {

    /** The facets, in the order pages show them; also the names of their request parameters. */
    public static final List<String> FACETS = List.of("collection", "type", "status", "format", "tag", "color", "orientation", "faces",
            "owner", "created");

    public SearchRequest {
        selected = Map.copyOf(selected);
        limit = Math.clamp(limit, 1, 200);
    }

    /**
     * From request parameters: {@code q}, {@code sort}, {@code cursor}, {@code limit} and one per facet
     * (repeatable), the facets being those of the schema ({@link SearchManagement#facetNames()}).
     */
    public static SearchRequest fromParameters(Map<String, List<String>> parameters, int defaultLimit, List<String> facets) {
        Map<String, List<String>> selected = new java.util.LinkedHashMap<>();
        facets.forEach(f -> {
            List<String> values = parameters.getOrDefault(f, List.of()).stream().filter(v -> !v.isBlank()).distinct().toList();
            if (!values.isEmpty()) {
                selected.put(f, values);
            }
        });
        String limit = first(parameters, "limit").orElse(String.valueOf(defaultLimit));
        if (!limit.matches("\\d{1,4}")) {
            throw new dev.atelier.shared.InvalidRequestException("'limit' must be a number from 1 to 200.");
        }
        return new SearchRequest(first(parameters, "q").orElse(""), selected, first(parameters, "sort").map(SearchSort::parse),
                first(parameters, "cursor"), Integer.parseInt(limit));
    }

    private static Optional<String> first(Map<String, List<String>> parameters, String name) {
        return parameters.getOrDefault(name, List.of()).stream().filter(v -> !v.isBlank()).findFirst();
    }

    public static SearchRequest of(String query) {
        return new SearchRequest(query, Map.of(), Optional.empty(), Optional.empty(), 50);
    }

    public boolean isEmpty() {
        return query.isBlank() && selected.values().stream().allMatch(List::isEmpty);
    }
}
