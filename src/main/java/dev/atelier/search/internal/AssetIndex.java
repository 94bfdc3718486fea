package dev.atelier.search.internal;

import dev.atelier.asset.AssetId;
import dev.atelier.search.SearchHit;
import dev.atelier.search.SearchQuery;
import dev.atelier.search.SearchResult;
import dev.atelier.search.SearchSort;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The port to a search engine holding one {@link AssetDocument} per asset. Implementations make
 * an upsert searchable at once (or within a second) and durable soon after; the catch-up at start
 * covers what a crash lost, by {@link #indexed}.
 */
public interface AssetIndex {

    void upsert(Collection<AssetDocument> documents);

    /** What the index holds of the asset to tell whether it is behind the database, if anything. */
    Optional<Indexed> indexed(AssetId id);

    /**
     * @param versions the asset's number of versions (its current version's number) when indexed
     * @param analysed whether the current version's pixel analysis was in
     * @param textRead whether the current version's text was in
     */
    record Indexed(long revision, int versions, boolean metadataRead, boolean analysed, boolean textRead) {}

    long count();

    /** Removes every document; searches keep seeing the old ones until {@link #publish()}. */
    void clear();

    /**
     * Whether the documents on disk were written by another version of this code, laid out
     * differently (a field added since): they must be rebuilt from the database. A {@link #clear}
     * ends it.
     */
    boolean outdated();

    /** Makes all changes so far durable now, rather than at the next commit interval. */
    void commit();

    /** Makes all changes so far visible to searches (and, after a clear, the cleared state). */
    void publish();

    /** While held, upserts are not made visible one by one (a rebuild publishes once at the end). */
    void holdPublishing(boolean hold);

    Page search(Query query);

    /** A likely intended spelling of the word from the indexed text, if one is close. */
    Optional<String> correct(String word);

    /**
     * @param readers the searching user's principals; only documents sharing one are seen
     * @param me the searching user's name, for {@code owner:me}
     * @param after the last hit's cursor from the previous page
     * @param withFacets whether to count facet values over all matches
     */
    /** @param custom the custom fields of the schema by key, in schema order */
    public record Query(SearchQuery query, Map<String, List<String>> selected, Set<String> readers, String me, SearchSort sort,
            Optional<String> after, int limit, boolean withFacets, int facetValues, Map<String, dev.atelier.metadata.FieldType> custom) {}

    /** The assets carrying any of the (lower-case) keywords, for refreshing them when the taxonomy changes. */
    List<AssetId> withTags(Set<String> tags);

    public record Page(long total, List<SearchHit> hits, List<SearchResult.Facet> facets, Optional<String> next) {}
}
