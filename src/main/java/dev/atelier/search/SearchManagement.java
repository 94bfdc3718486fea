package dev.atelier.search;

import dev.atelier.metadata.FieldManagement;
import dev.atelier.metadata.FieldType;
import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import dev.atelier.search.internal.AssetDocuments;
import dev.atelier.search.internal.AssetIndex;
import dev.atelier.search.internal.IndexSync;
import dev.atelier.search.internal.SearchMisses;
import dev.atelier.collection.AssetCollection;
import dev.atelier.collection.CollectionManagement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.UUID;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * Searching the library. Every search runs with the user's view rights inside the index query,
 * so counts and facets never reveal assets the user may not see.
 */
@Service
public class SearchManagement {

    private static final String COLLECTION = "collection";

    private final AssetIndex index;
    private final IndexSync sync;
    private final SearchMisses misses;
    private final SearchProperties properties;
    private final CollectionManagement collections;
    private final FieldManagement fields;

    SearchManagement(AssetIndex index, IndexSync sync, SearchMisses misses, SearchProperties properties, CollectionManagement collections,
            FieldManagement fields) {
        this.fields = fields;
        this.index = index;
        this.sync = sync;
        this.misses = misses;
        this.properties = properties;
        this.collections = collections;
    }

    /**
     * @throws InvalidQueryException when the query does not parse or names an unknown field or facet
     */
    public SearchResult search(Actor actor, SearchRequest request) {
        actor.require(Role.VIEWER);
        var page = run(actor, request);
        Optional<String> suggestion = Optional.empty();
        if (page.total() == 0 && request.cursor().isEmpty() && !request.query().isBlank()) {
            misses.record(actor, request.query().strip(), new TreeMap<>(request.selected()).toString());
            suggestion = corrected(actor, request);
        }
        return new SearchResult(page.total(), page.hits(), page.facets(), page.next(), suggestion);
    }

    /**
     * A smart collection chosen as a facet value stands for its saved search: then the collection
     * choices become one clause (any of them) of the query, manual ones matching their members.
     */
    private AssetIndex.Page run(Actor actor, SearchRequest request) {
        SearchQuery query = SearchQuery.parse(request.query());
        List<AssetCollection> chosen = request.selected().getOrDefault(COLLECTION, List.of()).stream().map(id -> collection(actor, id)).toList();
        if (chosen.stream().noneMatch(c -> c.kind() == AssetCollection.Kind.SMART)) {
            return run(actor, query, request.selected(), request);
        }
        List<SearchQuery> any = chosen.stream()
                .map(c -> c.kind() == AssetCollection.Kind.SMART ? SearchQuery.parse(c.query().orElse(""))
                        : (SearchQuery) new SearchQuery.Field(COLLECTION, SearchQuery.Comparison.EQUALS, c.id().toString(), ""))
                .toList();
        Map<String, List<String>> rest = new HashMap<>(request.selected());
        rest.remove(COLLECTION);
        return run(actor, new SearchQuery.All(List.of(query, any.size() == 1 ? any.getFirst() : new SearchQuery.Any(any))), rest, request);
    }

    private AssetCollection collection(Actor actor, String id) {
        try {
            return collections.get(actor, UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("'" + id + "' is not a collection id.");
        }
    }

    private AssetIndex.Page run(Actor actor, SearchQuery query, Map<String, List<String>> selected, SearchRequest request) {
        SearchSort sort = request.sort().orElse(hasWords(query) ? SearchSort.RELEVANCE : SearchSort.NEWEST);
        return index.search(new AssetIndex.Query(query, selected, AssetDocuments.principalsOf(actor), actor.username(),
                sort, request.cursor(), request.limit(), request.cursor().isEmpty(), properties.facetValues(), customFields()));
    }

    /** The query with each misspelt word replaced by its likeliest spelling, when that finds something. */
    private Optional<String> corrected(Actor actor, SearchRequest request) {
        List<String> words = new ArrayList<>();
        boolean changed = false;
        for (String word : request.query().strip().split("\\s+")) {
            Optional<String> better = word.matches("[\\p{L}\\p{N}]{3,}") ? index.correct(word.toLowerCase(java.util.Locale.ROOT)) : Optional.empty();
            words.add(better.orElse(word));
            changed |= better.isPresent();
        }
        if (!changed) {
            return Optional.empty();
        }
        String text = String.join(" ", words);
        var retry = new SearchRequest(text, request.selected(), request.sort(), Optional.empty(), 1);
        return run(actor, retry).total() > 0 ? Optional.of(text) : Optional.empty();
    }

    private static boolean hasWords(SearchQuery query) {
        return switch (query) {
            case SearchQuery.Words w -> true;
            case SearchQuery.Phrase p -> true;
            case SearchQuery.All all -> all.parts().stream().anyMatch(SearchManagement::hasWords);
            case SearchQuery.Any any -> any.parts().stream().anyMatch(SearchManagement::hasWords);
            default -> false;
        };
    }

    private Map<String, FieldType> customFields() {
        Map<String, FieldType> custom = new java.util.LinkedHashMap<>();
        fields.definitions().forEach(f -> custom.put(f.key(), f.type()));
        return custom;
    }

    /** Facets in the order pages show them, and the names of their request parameters: the built-in ones, then custom fields with facets. */
    public List<String> facetNames() {
        List<String> names = new ArrayList<>(SearchRequest.FACETS);
        fields.definitions().stream().filter(f -> f.type().facet()).forEach(f -> names.add(f.key()));
        return names;
    }

    /** Labels of the custom facets, by key. */
    public Map<String, String> facetLabels() {
        Map<String, String> labels = new java.util.HashMap<>();
        fields.definitions().forEach(f -> labels.put(f.key(), f.label()));
        return labels;
    }

    /** Rebuilds the index from the database in the background; admins only. */
    public IndexStatus rebuild(Actor actor) {
        actor.require(Role.ADMIN);
        return sync.rebuild();
    }

    public IndexStatus status(Actor actor) {
        actor.require(Role.ADMIN);
        return sync.status();
    }

    /** How often this exact query found nothing; for analytics and tests. */
    public long misses(Actor actor, String query) {
        actor.require(Role.MANAGER);
        return misses.count(query);
    }

}
