package dev.atelier.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Collector;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdStream;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.util.LongValues;

/**
 * Counts the matches and, per facet dimension, how many of them hold each value, in the pass that
 * finds them: no set of matches is built to be walked again. Each dimension has its own doc-values
 * field ({@link FacetOrdinals#field}); those with one value per document are read from in-memory
 * columns ({@link FacetColumns}), in batches of documents, one dimension after the other. Counts are kept per segment ordinal while a segment
 * is collected and added into the reader's global ordinals ({@link FacetOrdinals}) when it is done,
 * so slices of the index counted on several threads add up to the same figures.
 */
final class FacetTally implements CollectorManager<FacetTally.SliceCollector, FacetTally.Counts> {

    /** Documents counted at a time, one dimension after the other. */
    private static final int BATCH = 512;

    private final FacetOrdinals ordinals;
    private final FacetColumns columns;
    private final List<String> dimensions;

    /** @param dimensions the dimensions to count, as the index names them ({@code type}, {@code field.channel}) */
    FacetTally(FacetOrdinals ordinals, FacetColumns columns, List<String> dimensions) {
        this.ordinals = ordinals;
        this.columns = columns;
        this.dimensions = List.copyOf(dimensions);
    }

    /** The matches and, per dimension in the order asked, the count of each global ordinal. */
    record Counts(long total, List<String> dimensions, int[][] perDimension) {

        int[] of(String dimension) {
            return perDimension[dimensions.indexOf(dimension)];
        }
    }

    @Override
    public SliceCollector newCollector() throws IOException {
        return new SliceCollector();
    }

    @Override
    public Counts reduce(Collection<SliceCollector> slices) {
        int[][] sum = new int[dimensions.size()][];
        long total = 0;
        for (int d = 0; d < sum.length; d++) {
            sum[d] = new int[ordinals.size(dimensions.get(d))];
        }
        for (SliceCollector slice : slices) {
            total += slice.total;
            for (int d = 0; d < sum.length; d++) {
                int[] counts = slice.global[d];
                for (int g = 0; g < counts.length; g++) {
                    sum[d][g] += counts[g];
                }
            }
        }
        return new Counts(total, dimensions, sum);
    }

    final class SliceCollector implements Collector {

        private final int[][] global = new int[dimensions.size()][];
        private long total;

        SliceCollector() {
            for (int d = 0; d < global.length; d++) {
                global[d] = new int[ordinals.size(dimensions.get(d))];
            }
        }

        @Override
        public LeafCollector getLeafCollector(LeafReaderContext leaf) throws IOException {
            List<Integer> present = new ArrayList<>();
            List<SortedSetDocValues> values = new ArrayList<>();
            for (int d = 0; d < global.length; d++) {
                SortedSetDocValues v = leaf.reader().getSortedSetDocValues(FacetOrdinals.field(dimensions.get(d)));
                if (v != null && v.getValueCount() > 0) {
                    present.add(d);
                    values.add(v);
                }
            }
            return new SegmentCounter(leaf, present.stream().mapToInt(Integer::intValue).toArray(), values.toArray(SortedSetDocValues[]::new));
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }

        /** Counts one segment (or one range of its documents); index 0 of each count array stands for "no value". */
        private final class SegmentCounter implements LeafCollector {

            private final LeafReaderContext leaf;
            private final int[] dimension;
            private final byte[][] bytes;
            private final short[][] shorts;
            private final SortedDocValues[] one;
            private final SortedSetDocValues[] many;
            private final int[][] counts;
            private final int[] batch = new int[BATCH];
            private int matches;

            SegmentCounter(LeafReaderContext leaf, int[] dimension, SortedSetDocValues[] values) throws IOException {
                this.leaf = leaf;
                this.dimension = dimension;
                int n = values.length;
                this.bytes = new byte[n][];
                this.shorts = new short[n][];
                this.one = new SortedDocValues[n];
                this.many = new SortedSetDocValues[n];
                this.counts = new int[n][];
                for (int i = 0; i < n; i++) {
                    counts[i] = new int[Math.toIntExact(values[i].getValueCount()) + 1];
                    FacetColumns.Column column = columns.of(leaf.reader(), dimensions.get(dimension[i]));
                    bytes[i] = column.bytes();
                    shorts[i] = column.shorts();
                    if (column == FacetColumns.Column.NONE) {
                        one[i] = DocValues.unwrapSingleton(values[i]);
                        many[i] = one[i] == null ? values[i] : null;
                    }
                }
            }

            @Override
            public void setScorer(Scorable scorer) {
            }

            @Override
            public void collect(int doc) throws IOException {
                batch[0] = doc;
                count(1);
            }

            @Override
            public void collect(DocIdStream stream) throws IOException {
                for (int n = stream.intoArray(batch); n > 0; n = stream.intoArray(batch)) {
                    count(n);
                }
            }

            /** The first {@code n} documents of {@link #batch}, one dimension after the other. */
            private void count(int n) throws IOException {
                matches += n;
                for (int i = 0; i < counts.length; i++) {
                    int[] c = counts[i];
                    if (bytes[i] != null) {
                        byte[] ords = bytes[i];
                        for (int k = 0; k < n; k++) {
                            c[ords[batch[k]] & 0xFF]++;
                        }
                    } else if (shorts[i] != null) {
                        short[] ords = shorts[i];
                        for (int k = 0; k < n; k++) {
                            c[ords[batch[k]] & 0xFFFF]++;
                        }
                    } else if (one[i] != null) {
                        SortedDocValues values = one[i];
                        for (int k = 0; k < n; k++) {
                            c[values.advanceExact(batch[k]) ? values.ordValue() + 1 : 0]++;
                        }
                    } else {
                        SortedSetDocValues values = many[i];
                        for (int k = 0; k < n; k++) {
                            if (values.advanceExact(batch[k])) {
                                for (int v = values.docValueCount(); v > 0; v--) {
                                    c[(int) values.nextOrd() + 1]++;
                                }
                            }
                        }
                    }
                }
            }

            @Override
            public void finish() {
                total += matches;
                for (int i = 0; i < counts.length; i++) {
                    LongValues toGlobal = ordinals.toGlobal(dimensions.get(dimension[i]), leaf.ord);
                    int[] segment = counts[i];
                    int[] into = global[dimension[i]];
                    for (int ord = 1; ord < segment.length; ord++) {
                        if (segment[ord] != 0) {
                            into[(int) toGlobal.get(ord - 1)] += segment[ord];
                        }
                    }
                }
            }
        }
    }
}
