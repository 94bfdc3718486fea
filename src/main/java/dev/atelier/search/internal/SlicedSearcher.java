package dev.atelier.search.internal;

import java.util.List;
import java.util.concurrent.Executor;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;

/**
 * A searcher that runs one query on several threads: the documents are cut into about one slice
 * per thread, splitting a large segment into ranges of its documents (merged segments are uneven,
 * so slicing whole segments would leave the largest one on a single thread). A small index stays
 * one slice, where handing work to other threads costs more than it saves.
 */
final class SlicedSearcher extends IndexSearcher {

    private final Slicing slicing;

    /**
     * @param threads how many slices a large index is cut into
     * @param minDocsPerSlice below this many documents per slice the index is not cut
     */
    record Slicing(int threads, int minDocsPerSlice) {}

    SlicedSearcher(IndexReader reader, Executor executor, Slicing slicing) {
        super(reader, executor);
        this.slicing = slicing;
    }

    @Override
    protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
        int maxDoc = leaves.stream().mapToInt(l -> l.reader().maxDoc()).sum();
        // the super constructor may ask before the field is set: one slice then
        int threads = slicing == null ? 1 : Math.max(1, slicing.threads());
        int perSlice = slicing == null ? Integer.MAX_VALUE : Math.max(slicing.minDocsPerSlice(), Math.ceilDiv(Math.max(1, maxDoc), threads));
        return slices(leaves, perSlice, Integer.MAX_VALUE, true);
    }
}
