package dev.atelier.search.web;

import dev.atelier.asset.MediaTypeLabels;
import dev.atelier.search.SearchRequest;
import dev.atelier.search.SearchResult;
import dev.atelier.search.SearchSort;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the library page shows around the cards: the query as typed, the facets with links that
 * toggle a value, the count and a spelling suggestion. Every link is a plain URL of the same
 * page, so results are shareable and the back button works.
 */
record LibraryView(String query, String sort, long total, boolean browsing, List<FacetView> facets, Optional<String> suggestion,
        Optional<String> suggestionHref, String self, String savable, List<String> heading) {

    record FacetView(String name, String label, List<ValueView> values) {}

    record ValueView(String value, String label, long count, boolean selected, String href) {}

    static final List<String> SORTS = java.util.Arrays.stream(SearchSort.values()).map(SearchSort::key).toList();
    private static final Map<String, String> FACET_LABELS = Map.ofEntries(Map.entry("type", "Type"), Map.entry("status", "Review"),
            Map.entry("format", "Format"), Map.entry("tag", "Keywords"), Map.entry("color", "Colour"), Map.entry("orientation", "Orientation"),
            Map.entry("faces", "Faces"), Map.entry("owner", "Uploaded by"), Map.entry("created", "Added"));
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);

    /**
     * @param collectionNames names of the collections among the facet values (the index knows only ids)
     * @param smart ids of smart collections: a saved search cannot name them, it takes their query instead
     */
    static LibraryView of(SearchRequest request, SearchResult result, boolean browsing, Map<String, String> collectionNames,
            Map<String, String> smart, Map<String, String> customLabels) {
        String sort = request.sort().map(SearchSort::key).orElse("");
        List<FacetView> facets = result.facets().stream().filter(f -> !f.values().isEmpty())
                .map(f -> new FacetView(f.name(), FACET_LABELS.getOrDefault(f.name(), customLabels.getOrDefault(f.name(), f.name())), f.values().stream()
                        .map(v -> new ValueView(v.value(), f.name().equals("collection")
                                ? collectionNames.getOrDefault(v.value(), v.value()) : label(f.name(), v.value()), v.count(), v.selected(),
                                href(request.query(), sort, toggled(request.selected(), f.name(), v.value()))))
                        .toList()))
                .toList();
        List<String> heading = request.selected().getOrDefault("collection", List.of()).stream()
                .map(id -> collectionNames.getOrDefault(id, id)).toList();
        return new LibraryView(request.query(), sort, result.total(), browsing, facets, result.suggestion(),
                result.suggestion().map(s -> href(s, sort, request.selected())), href(request.query(), sort, request.selected()),
                savable(request, smart), heading);
    }

    /** The search as one query of the search box's language, for a smart collection to keep. */
    static String savable(SearchRequest request, Map<String, String> smart) {
        List<String> parts = new ArrayList<>();
        if (!request.query().isBlank()) {
            parts.add(request.selected().isEmpty() ? request.query().strip() : "(" + request.query().strip() + ")");
        }
        request.selected().forEach((facet, values) -> {
            List<String> terms = values.stream().map(v -> smart.containsKey(v) ? "(" + smart.get(v) + ")" : facet + ":" + quoted(v)).toList();
            if (!terms.isEmpty()) {
                parts.add(terms.size() == 1 ? terms.getFirst() : "(" + String.join(" OR ", terms) + ")");
            }
        });
        return String.join(" ", parts);
    }

    private static String quoted(String value) {
        return value.matches("[\\p{L}\\p{N}_./-]+") ? value : "\"" + value.replace("\"", "") + "\"";
    }

    static String href(String query, String sort, Map<String, List<String>> selected) {
        var uri = UriComponentsBuilder.fromPath("/library");
        if (!query.isBlank()) {
            uri.queryParam("q", query);
        }
        if (!sort.isBlank()) {
            uri.queryParam("sort", sort);
        }
        selected.forEach((f, values) -> values.forEach(v -> uri.queryParam(f, v)));
        return uri.encode().build().toUriString();
    }

    private static Map<String, List<String>> toggled(Map<String, List<String>> selected, String facet, String value) {
        Map<String, List<String>> copy = new LinkedHashMap<>(selected);
        List<String> values = new ArrayList<>(copy.getOrDefault(facet, List.of()));
        if (!values.remove(value)) {
            values.add(value);
        }
        copy.put(facet, values);
        return copy;
    }

    private static String label(String facet, String value) {
        return switch (facet) {
            case "type", "orientation", "color" -> value.substring(0, 1).toUpperCase(Locale.ROOT) + value.substring(1);
            case "format" -> MediaTypeLabels.of(value);
            case "status" -> reviewLabel(value);
            case "created" -> parseMonth(value);
            case "faces" -> switch (value) {
                case "none" -> "None";
                case "6+" -> "6 or more";
                default -> value.replace('-', '–');
            };
            default -> value;
        };
    }

    private static String reviewLabel(String slug) {
        return dev.atelier.asset.ReviewState.ofSlug(slug).map(dev.atelier.asset.ReviewState::label).orElse(slug);
    }

    private static String parseMonth(String value) {
        try {
            return YearMonth.parse(value).format(MONTH);
        } catch (RuntimeException e) {
            return value;
        }
    }
}
