package dev.atelier.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.util.packed.PackedInts;

/**
 * The values of each facet dimension across one reader's segments: every segment numbers its own
 * values, this numbers them for the whole reader in the values' sorted order (global ordinals), so
 * counts from different segments add up and ties between counts break alphabetically. Built per
 * dimension when first counted, for as long as the reader is searched.
 */
final class FacetOrdinals {

    private final IndexReader reader;
    private final Map<String, Dimension> dimensions = new ConcurrentHashMap<>();

    FacetOrdinals(IndexReader reader) {
        this.reader = reader;
    }

    IndexReader reader() {
        return reader;
    }

    /** The doc-values field that holds a dimension's values. */
    static String field(String dimension) {
        return IndexFields.FACET + dimension;
    }

    /** How many distinct values the dimension has in this reader (0 when no document has one). */
    int size(String dimension) {
        return Math.toIntExact(dimension(dimension).size);
    }

    /** A segment's ordinal to the reader's. */
    LongValues toGlobal(String dimension, int segment) {
        Dimension d = dimension(dimension);
        return d.map == null ? LongValues.IDENTITY : d.map.getGlobalOrds(segment);
    }

    /** The value of a global ordinal. */
    String label(String dimension, int global) {
        Dimension d = dimension(dimension);
        try {
            int segment = d.map == null ? d.only : d.map.getFirstSegmentNumber(global);
            long ord = d.map == null ? global : d.map.getFirstSegmentOrd(global);
            return values(reader.leaves().get(segment), dimension).lookupOrd(ord).utf8ToString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The global ordinal of a value, or -1 when no document holds it. */
    int ordinal(String dimension, String value) {
        Dimension d = dimension(dimension);
        BytesRef key = new BytesRef(value);
        try {
            for (LeafReaderContext leaf : reader.leaves()) {
                long ord = values(leaf, dimension).lookupTerm(key);
                if (ord >= 0) {
                    return Math.toIntExact(d.map == null ? ord : d.map.getGlobalOrds(leaf.ord).get(ord));
                }
            }
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param map null when at most one segment holds values: its ordinals are the global ones
     * @param only that segment, when {@code map} is null
     */
    private record Dimension(OrdinalMap map, int only, long size) {}

    private Dimension dimension(String name) {
        return dimensions.computeIfAbsent(name, this::build);
    }

    private Dimension build(String name) {
        try {
            List<LeafReaderContext> leaves = reader.leaves();
            SortedSetDocValues[] values = new SortedSetDocValues[leaves.size()];
            int holding = 0;
            int only = 0;
            for (LeafReaderContext leaf : leaves) {
                values[leaf.ord] = values(leaf, name);
                if (values[leaf.ord].getValueCount() > 0) {
                    holding++;
                    only = leaf.ord;
                }
            }
            if (holding <= 1) {
                return new Dimension(null, only, holding == 0 ? 0 : values[only].getValueCount());
            }
            OrdinalMap map = OrdinalMap.build(null, values, PackedInts.DEFAULT);
            return new Dimension(map, -1, map.getValueCount());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SortedSetDocValues values(LeafReaderContext leaf, String dimension) throws IOException {
        return DocValues.getSortedSet(leaf.reader(), field(dimension));
    }
}
