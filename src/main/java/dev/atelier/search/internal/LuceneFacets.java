package dev.atelier.search.internal;

import dev.atelier.search.SearchResult.Facet;
import dev.atelier.search.SearchResult.FacetValue;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.ConcurrentSortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Facet counts. A facet with values chosen is counted "sideways": over the matches of everything
 * except its own choice, so people can add a second type to the first instead of seeing only
 * the one they chose. The others are counted over all matches.
 */
final class LuceneFacets {

    private final FacetsConfig config;
    private final int topValues;
    private final ExecutorService threads;
    private final SlicedSearcher.Slicing slicing;
    private volatile ReaderState cached;

    /** @param threads count the slices of many matches in parallel (as the searcher cut them) */
    LuceneFacets(FacetsConfig config, int topValues, ExecutorService threads, SlicedSearcher.Slicing slicing) {
        this.config = config;
        this.topValues = topValues;
        this.threads = threads;
        this.slicing = slicing;
    }

    private record ReaderState(IndexReader reader, SortedSetDocValuesReaderState state) {}

    List<Facet> count(IndexSearcher searcher, FacetsCollector matches, Map<String, List<String>> selected, LuceneQueries.Context context,
            Function<String, Query> withoutOwnChoice) throws IOException {
        var state = state(searcher.getIndexReader());
        List<Facet> result = new ArrayList<>();
        if (state == null) {
            return result;
        }
        Facets counts = counts(state, matches);
        for (String name : context.facets()) {
            List<String> chosen = selected.getOrDefault(name, List.of());
            Facets source = chosen.isEmpty() ? counts : counts(state, searcher.search(withoutOwnChoice.apply(name), new FacetsCollectorManager()));
            result.add(facet(name, context.dimension(name), source, chosen));
        }
        return result;
    }

    private Facets counts(SortedSetDocValuesReaderState state, FacetsCollector matches) throws IOException {
        if (!slicing.parallel(LuceneMatches.total(matches))) {
            return new SortedSetDocValuesFacetCounts(state, matches);
        }
        try {
            return new ConcurrentSortedSetDocValuesFacetCounts(state, matches, threads);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while counting facets");
        }
    }

    private Facet facet(String name, String dim, Facets counts, List<String> chosen) throws IOException {
        Map<String, Long> values = new LinkedHashMap<>();
        FacetResult top = top(dim, counts);
        if (top != null) {
            for (LabelAndValue lv : top.labelValues) {
                values.put(lv.label, lv.value.longValue());
            }
        }
        for (String c : chosen) {
            if (!values.containsKey(c)) {
                // chosen but less frequent than the top values: its own count, not 0 (-1 when no asset has it)
                values.put(c, Math.max(0, specific(counts, dim, c)));
            }
        }
        var list = values.entrySet().stream().map(e -> new FacetValue(e.getKey(), e.getValue(), chosen.contains(e.getKey())));
        if (dim.equals(IndexFields.CREATED)) {
            list = list.sorted(Comparator.comparing(FacetValue::value).reversed()).limit(Math.max(topValues, chosen.size()));
        } else if (dim.equals(IndexFields.FACES)) {
            list = list.sorted(Comparator.comparingInt(v -> IndexFields.FACE_BUCKETS.indexOf(v.value())));
        }
        return new Facet(name, list.toList());
    }

    /** The top values; none for a custom field no asset has a value in yet (Lucene does not know its dimension). */
    private FacetResult top(String dim, Facets counts) throws IOException {
        try {
            return dim.equals(IndexFields.CREATED) ? counts.getAllChildren(dim) : counts.getTopChildren(topValues, dim);
        } catch (IllegalArgumentException unknownDimension) {
            return null;
        }
    }

    private static long specific(Facets counts, String dim, String value) throws IOException {
        try {
            return counts.getSpecificValue(dim, value).longValue();
        } catch (IllegalArgumentException unknownDimension) {
            return 0;
        }
    }

    private SortedSetDocValuesReaderState state(IndexReader reader) throws IOException {
        ReaderState current = cached;
        if (current != null && current.reader() == reader) {
            return current.state();
        }
        if (reader.maxDoc() == 0 || reader.leaves().stream().allMatch(l -> l.reader().getFieldInfos().fieldInfo(config.getDimConfig("type").indexFieldName) == null)) {
            return null;
        }
        var state = new DefaultSortedSetDocValuesReaderState(reader, config);
        cached = new ReaderState(reader, state);
        return state;
    }
}
