package dev.atelier.search.internal;

import java.io.IOException;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.jspecify.annotations.Nullable;

/**
 * A search in two passes. The page: the top hits of the sort, where Lucene may skip documents
 * that cannot make the page (block-max WAND for relevance, the points of the sort field for dates
 * and sizes), since that pass need not count. Then every match, without scores, for the exact
 * total and the facets. Scoring every match for the page's sake cost more than the second pass,
 * except for queries that match few documents, which take one pass.
 */
final class LuceneMatches {

    private LuceneMatches() {
    }

    /**
     * @param page at most {@code n} hits in the sort's order, after {@code after}
     * @param all every match, for facets; null when no facets were asked for
     * @param total how many documents match, exactly
     */
    record Found(TopFieldDocs page, @Nullable FacetsCollector all, long total) {}

    /** @param many whether the query is expected to match many documents: one pass is cheaper for a few */
    static Found find(IndexSearcher searcher, Query query, int n, Sort sort, @Nullable FieldDoc after, boolean withFacets, boolean many)
            throws IOException {
        if (withFacets && !many) {
            var once = FacetsCollectorManager.searchAfter(searcher, after, query, n, sort, sort.needsScores(), new FacetsCollectorManager());
            return new Found((TopFieldDocs) once.topDocs(), once.facetsCollector(), total(once.facetsCollector()));
        }
        TopFieldDocs page = searcher.search(query, new TopFieldCollectorManager(sort, n, after, n));
        if (!withFacets) {
            return new Found(page, null, searcher.count(query));
        }
        FacetsCollector all = searcher.search(query, new FacetsCollectorManager(false));
        return new Found(page, all, total(all));
    }

    static long total(FacetsCollector matches) {
        return matches.getMatchingDocs().stream().mapToLong(FacetsCollector.MatchingDocs::totalHits).sum();
    }
}
