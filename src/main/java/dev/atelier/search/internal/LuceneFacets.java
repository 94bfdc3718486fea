package dev.atelier.search.internal;

import dev.atelier.search.SearchResult.Facet;
import dev.atelier.search.SearchResult.FacetValue;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Function;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/**
 * Facet counts. A facet with values chosen is counted "sideways": over the matches of everything
 * except its own choice, so people can add a second type to the first instead of seeing only
 * the one they chose. The others are counted over all matches, in the pass that finds them
 * ({@link FacetTally}).
 */
final class LuceneFacets {

    private final int topValues;
    private final FacetColumns columns;
    private volatile FacetOrdinals cached;

    /** @param memory the most bytes facet columns may hold in memory ({@link FacetColumns}) */
    LuceneFacets(int topValues, long memory) {
        this.topValues = topValues;
        this.columns = new FacetColumns(memory);
    }

    /** What counts, in a search of this reader, every facet of the context without a chosen value (those are counted sideways). */
    FacetTally tally(IndexReader reader, LuceneQueries.Context context, Map<String, List<String>> selected) {
        return new FacetTally(ordinals(reader), columns, context.facets().stream()
                .filter(name -> selected.getOrDefault(name, List.of()).isEmpty()).map(context::dimension).toList());
    }

    /** @param matches the counts of {@link #tally} over all matches */
    List<Facet> count(IndexSearcher searcher, FacetTally.Counts matches, Map<String, List<String>> selected, LuceneQueries.Context context,
            Function<String, Query> withoutOwnChoice) throws IOException {
        FacetOrdinals ordinals = ordinals(searcher.getIndexReader());
        List<Facet> result = new ArrayList<>();
        for (String name : context.facets()) {
            String dim = context.dimension(name);
            List<String> chosen = selected.getOrDefault(name, List.of());
            int[] counts = chosen.isEmpty() ? matches.of(dim)
                    : searcher.search(withoutOwnChoice.apply(name), new FacetTally(ordinals, columns, List.of(dim))).of(dim);
            result.add(facet(name, dim, ordinals, counts, chosen));
        }
        return result;
    }

    private Facet facet(String name, String dim, FacetOrdinals ordinals, int[] counts, List<String> chosen) {
        Map<String, Long> values = new LinkedHashMap<>();
        // most matches first, ties in the values' order; every month for the date histogram
        int shown = dim.equals(IndexFields.CREATED) ? counts.length : topValues;
        for (int g : top(counts, shown)) {
            values.put(ordinals.label(dim, g), (long) counts[g]);
        }
        for (String c : chosen) {
            if (!values.containsKey(c)) {
                // chosen but less frequent than the top values: its own count, 0 when no asset has it
                int g = ordinals.ordinal(dim, c);
                values.put(c, g < 0 ? 0 : (long) counts[g]);
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

    /** The ordinals of the {@code n} highest non-zero counts, highest first, ties in ordinal order. */
    static List<Integer> top(int[] counts, int n) {
        if (n <= 0) {
            return List.of();
        }
        // the weakest of the best so far on top: fewer matches, or as many and a later ordinal
        Comparator<Integer> weaker = Comparator.<Integer>comparingInt(g -> counts[g]).thenComparing(Comparator.<Integer>reverseOrder());
        PriorityQueue<Integer> best = new PriorityQueue<>(weaker);
        for (int g = 0; g < counts.length; g++) {
            if (counts[g] > 0 && (best.size() < n || weaker.compare(g, best.peek()) > 0)) {
                best.add(g);
                if (best.size() > n) {
                    best.poll();
                }
            }
        }
        List<Integer> ordered = new ArrayList<>(best);
        ordered.sort(weaker.reversed());
        return ordered;
    }

    private FacetOrdinals ordinals(IndexReader reader) {
        FacetOrdinals current = cached;
        if (current != null && current.reader() == reader) {
            return current;
        }
        var fresh = new FacetOrdinals(reader);
        cached = fresh;
        return fresh;
    }
}
