package dev.atelier.search.internal;

import java.io.IOException;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MultiCollectorManager;
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
     * @param counts the facet counts over every match; null when no facets were asked for
     * @param total how many documents match, exactly
     */
    record Found(TopFieldDocs page, FacetTally.@Nullable Counts counts, long total) {}

    /**
     * @param query what ranks the page
     * @param counted the same matches, cheaper to find when no scores are needed
     * @param facets what counts the facets; null when none are asked for
     * @param many whether the query is expected to match many documents: one pass is cheaper for a few
     */
    static Found find(IndexSearcher searcher, Query query, Query counted, int n, Sort sort, @Nullable FieldDoc after,
            @Nullable FacetTally facets, boolean many) throws IOException {
        if (facets != null && !many) {
            Object[] once = searcher.search(query, new MultiCollectorManager(new TopFieldCollectorManager(sort, n, after, n), facets));
            var counts = (FacetTally.Counts) once[1];
            return new Found((TopFieldDocs) once[0], counts, counts.total());
        }
        TopFieldDocs page = searcher.search(query, new TopFieldCollectorManager(sort, n, after, n));
        if (facets == null) {
            return new Found(page, null, searcher.count(counted));
        }
        var counts = searcher.search(counted, facets);
        return new Found(page, counts, counts.total());
    }
}
