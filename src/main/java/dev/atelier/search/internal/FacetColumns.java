package dev.atelier.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.DocIdSetIterator;
import org.jspecify.annotations.Nullable;

/**
 * Facet dimensions that hold one value per document (type, format, owner, month, review status,
 * ...) kept in memory per segment as one small number per document: the segment's ordinal of the
 * value plus one, 0 for none. Counting a broad match then costs an array read per document and
 * dimension instead of a packed doc-values read from the index file, the largest part of a
 * search's time at a million assets. Segments never change once written, so a column is built
 * once, at the first count that needs it, and dropped when its segment is merged away.
 *
 * <p>Memory is bounded: one byte per document and dimension (two for more than 254 values), at
 * most {@code budget} bytes in all; past it, or for dimensions with several values per document
 * (tags, collections) or more than 65,534 values, counting reads the doc values directly.
 */
final class FacetColumns {

    private final long budget;
    private final AtomicLong used = new AtomicLong();
    private final Map<Key, Column> columns = new ConcurrentHashMap<>();
    private final Set<IndexReader.CacheKey> watched = ConcurrentHashMap.newKeySet();

    /** @param budget the most bytes all columns may take together */
    FacetColumns(long budget) {
        this.budget = budget;
    }

    /** One segment's column: exactly one of the arrays, or neither when the dimension is not kept in memory there. */
    record Column(byte @Nullable [] bytes, short @Nullable [] shorts) {

        static final Column NONE = new Column(null, null);
    }

    private record Key(IndexReader.CacheKey segment, String dimension) {}

    /** The column of a dimension in a segment; {@link Column#NONE} when counting must read the doc values. */
    Column of(LeafReader segment, String dimension) throws IOException {
        IndexReader.CacheHelper helper = segment.getCoreCacheHelper();
        if (helper == null) {
            return Column.NONE;
        }
        Key key = new Key(helper.getKey(), dimension);
        Column column = columns.get(key);
        if (column != null) {
            return column;
        }
        if (watched.add(helper.getKey())) {
            helper.addClosedListener(this::forget);
        }
        // built once per segment and dimension, however many slices of the segment ask at once; a refusal for want of
        // memory is not kept, so the column is built once memory was given back (a merge drops the old segments' columns)
        column = columns.computeIfAbsent(key, k -> {
            try {
                return build(segment, dimension);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return column == null ? Column.NONE : column;
    }

    /** The column; {@link Column#NONE} when the dimension does not fit one, null when the budget is spent for now. */
    private @Nullable Column build(LeafReader segment, String dimension) throws IOException {
        SortedDocValues one = DocValues.unwrapSingleton(DocValues.getSortedSet(segment, FacetOrdinals.field(dimension)));
        if (one == null || one.getValueCount() > 0xFFFE) {
            return Column.NONE;
        }
        boolean small = one.getValueCount() < 0xFF;
        long bytes = (long) segment.maxDoc() * (small ? 1 : 2);
        if (used.addAndGet(bytes) > budget) {
            used.addAndGet(-bytes);
            return null;
        }
        try {
            if (small) {
                byte[] ords = new byte[segment.maxDoc()];
                for (int doc = one.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = one.nextDoc()) {
                    ords[doc] = (byte) (one.ordValue() + 1);
                }
                return new Column(ords, null);
            }
            short[] ords = new short[segment.maxDoc()];
            for (int doc = one.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = one.nextDoc()) {
                ords[doc] = (short) (one.ordValue() + 1);
            }
            return new Column(null, ords);
        } catch (IOException | RuntimeException | Error e) {
            // nothing was kept: the reservation goes back
            used.addAndGet(-bytes);
            throw e;
        }
    }

    private void forget(IndexReader.CacheKey segment) {
        watched.remove(segment);
        columns.entrySet().removeIf(e -> {
            if (e.getKey().segment() == segment) {
                release(e.getValue());
                return true;
            }
            return false;
        });
    }

    private void release(Column column) {
        long bytes = column.bytes() != null ? column.bytes().length : column.shorts() != null ? 2L * column.shorts().length : 0;
        used.addAndGet(-bytes);
    }
}
