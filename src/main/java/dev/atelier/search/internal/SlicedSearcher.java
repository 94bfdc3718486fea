package dev.atelier.search.internal;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executor;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.ScorerSupplier;
import org.apache.lucene.search.Weight;

/**
 * A searcher that runs a large query on several threads: the documents are cut into one slice per
 * thread, splitting a large segment into ranges of its documents (merged segments are uneven, so
 * slicing whole segments would leave the largest one on a single thread). A query expected to
 * match few documents runs on the caller's thread alone ({@link #fitting}): handing it to other
 * threads would cost more than it saves, most of all when the cores are busy with other work.
 */
final class SlicedSearcher extends IndexSearcher {

    private final Slicing slicing;
    private final IndexSearcher alone;

    /**
     * @param threads how many slices the index is cut into
     * @param minMatches below this many expected matches a query (or a facet count) stays on one thread
     */
    record Slicing(int threads, long minMatches) {

        boolean parallel(long matches) {
            return threads > 1 && matches >= minMatches;
        }
    }

    SlicedSearcher(IndexReader reader, Executor executor, Slicing slicing) {
        super(reader, executor);
        this.slicing = slicing;
        this.alone = new IndexSearcher(reader);
    }

    @Override
    protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
        int maxDoc = leaves.stream().mapToInt(l -> l.reader().maxDoc()).sum();
        // the super constructor may ask before the field is set: one slice then
        int threads = slicing == null ? 1 : Math.max(1, slicing.threads());
        return slices(leaves, Math.ceilDiv(Math.max(1, maxDoc), threads), Integer.MAX_VALUE, true);
    }

    /**
     * How to search for a query: on this searcher when it is expected to match many documents,
     * else on one without other threads.
     *
     * @param many whether the query is expected to match at least {@link Slicing#minMatches()} documents
     */
    record Fitting(IndexSearcher searcher, boolean many) {}

    Fitting fitting(Query query) throws IOException {
        Weight weight = alone.createWeight(alone.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
        long matches = 0;
        for (LeafReaderContext leaf : getIndexReader().leaves()) {
            ScorerSupplier supplier = weight.scorerSupplier(leaf);
            matches += supplier == null ? 0 : supplier.cost();
        }
        boolean many = matches >= slicing.minMatches();
        return new Fitting(many && slicing.threads() > 1 ? this : alone, many);
    }
}
