package dev.atelier.search.internal;

import static dev.atelier.search.internal.IndexFields.*;

import dev.atelier.asset.AssetId;
import dev.atelier.search.SearchHit;
import dev.atelier.search.SearchSort;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestWord;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded index: one Lucene directory under {@code atelier.home}. Upserts are visible to the
 * next search at once (near-real-time reader) and committed to disk every commit interval.
 */
final class LuceneAssetIndex implements AssetIndex, Closeable {

    private static final Logger log = LoggerFactory.getLogger(LuceneAssetIndex.class);
    /** A query expected to match fewer documents stays on the caller's thread. */
    static final long MIN_PARALLEL_MATCHES = 100_000;
    private static final String LAYOUT_KEY = "atelier.layout";

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final LuceneDocuments documents = new LuceneDocuments();
    private final LuceneQueries queries;
    /** The same queries without the free-text fields that only add weight: for counting. */
    private final LuceneQueries matching;
    private final LuceneFacets facets;
    private final ScheduledExecutorService committer;
    /** Shared by all searches, so that concurrent searches never take more than these threads (besides their own). */
    private final ExecutorService searchThreads;
    private volatile boolean holdPublishing;
    /** The document layout this code writes ({@link LuceneDocuments#LAYOUT}) and whether the index on disk has another. */
    private final int layout;
    private volatile boolean outdated;

    LuceneAssetIndex(Path path, Duration commitInterval, int facetValues) throws IOException {
        this(path, commitInterval, facetValues, LuceneDocuments.LAYOUT);
    }

    LuceneAssetIndex(Path path, Duration commitInterval, int facetValues, int layout) throws IOException {
        this(path, commitInterval, facetValues, new SlicedSearcher.Slicing(Runtime.getRuntime().availableProcessors(), MIN_PARALLEL_MATCHES),
                layout);
    }

    LuceneAssetIndex(Path path, Duration commitInterval, int facetValues, SlicedSearcher.Slicing slicing) throws IOException {
        this(path, commitInterval, facetValues, slicing, LuceneDocuments.LAYOUT);
    }

    LuceneAssetIndex(Path path, Duration commitInterval, int facetValues, SlicedSearcher.Slicing slicing, int layout) throws IOException {
        // an eighth of the heap at most: one or two bytes per asset and single-valued facet dimension
        this(path, commitInterval, facetValues, slicing, layout, Runtime.getRuntime().maxMemory() / 8);
    }

    /** @param facetMemory the most bytes facet columns may hold ({@link FacetColumns}) */
    LuceneAssetIndex(Path path, Duration commitInterval, int facetValues, SlicedSearcher.Slicing slicing, int layout, long facetMemory)
            throws IOException {
        Files.createDirectories(path);
        Analyzer analyzer = LuceneDocuments.textAnalyzer();
        this.directory = FSDirectory.open(path);
        this.writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
        this.layout = layout;
        this.outdated = layoutOnDisk() != layout;
        if (!outdated) {
            recordLayout();
        }
        this.searchThreads = Executors.newFixedThreadPool(Math.max(1, slicing.threads()), Thread.ofPlatform().daemon().name("search-", 1).factory());
        this.searchers = new SearcherManager(writer, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                return new SlicedSearcher(reader, searchThreads, slicing);
            }
        });
        this.queries = new LuceneQueries(analyzer);
        this.matching = new LuceneQueries(analyzer, MATCHING_TEXT);
        this.facets = new LuceneFacets(facetValues, facetMemory);
        this.committer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("search-commit").factory());
        long every = Math.max(commitInterval.toMillis(), 10);
        committer.scheduleWithFixedDelay(this::commit, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void upsert(Collection<AssetDocument> batch) {
        try {
            for (AssetDocument d : batch) {
                writer.updateDocument(new Term(ID, d.id().toString()), documents.toLucene(d));
            }
            if (!holdPublishing) {
                searchers.maybeRefreshBlocking();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<Indexed> indexed(AssetId id) {
        return withSearcher(searcher -> {
            BytesRef key = new BytesRef(id.toString());
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                Terms terms = leaf.reader().terms(ID);
                TermsEnum te = terms == null ? null : terms.iterator();
                if (te == null || !te.seekExact(key)) {
                    continue;
                }
                PostingsEnum docs = te.postings(null, PostingsEnum.NONE);
                var live = leaf.reader().getLiveDocs();
                for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        return Optional.of(new Indexed(longValue(leaf, REVISION, doc), (int) longValue(leaf, VERSIONS, doc),
                                longValue(leaf, METADATA, doc) == 1, longValue(leaf, ANALYSIS, doc) == 1, longValue(leaf, TEXT_READ, doc) == 1));
                    }
                }
            }
            return Optional.<Indexed>empty();
        });
    }

    private static long longValue(LeafReaderContext leaf, String field, int doc) throws IOException {
        NumericDocValues values = leaf.reader().getNumericDocValues(field);
        return values != null && values.advanceExact(doc) ? values.longValue() : 0;
    }

    /** How many parts one search is cut into, on the current reader. */
    int slices() {
        return withSearcher(searcher -> searcher.getSlices().length);
    }

    @Override
    public long count() {
        return withSearcher(searcher -> (long) searcher.getIndexReader().numDocs());
    }

    @Override
    public void clear() {
        try {
            writer.deleteAll();
            // what is written from now on is in this code's layout
            recordLayout();
            outdated = false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean outdated() {
        return outdated;
    }

    /** The layout recorded with the last commit; 1 for an index written before layouts were recorded, this code's for a new one. */
    private int layoutOnDisk() {
        Map<String, String> data = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        if (data.containsKey(LAYOUT_KEY)) {
            return Integer.parseInt(data.get(LAYOUT_KEY));
        }
        return writer.getDocStats().maxDoc > 0 ? 1 : layout;
    }

    private void recordLayout() {
        writer.setLiveCommitData(Map.of(LAYOUT_KEY, Integer.toString(layout)).entrySet());
    }

    @Override
    public void publish() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void holdPublishing(boolean hold) {
        this.holdPublishing = hold;
    }

    @Override
    public Page search(Query q) {
        return withSearcher(all -> {
            Sort sort = LuceneSorts.of(q.sort(), LuceneSorts.legacy(all.getIndexReader()));
            var context = new LuceneQueries.Context(q.me(), q.custom());
            org.apache.lucene.search.Query chosen = queries.selected(q.selected(), "", context);
            org.apache.lucene.search.Query main = restricted(q, context, queries, chosen);
            org.apache.lucene.search.Query counted = restricted(q, context, matching, chosen);
            var fitting = ((SlicedSearcher) all).fitting(counted);
            IndexSearcher searcher = fitting.searcher();
            FieldDoc after = q.after().map(c -> LuceneSorts.after(c, sort, searcher.getIndexReader().maxDoc())).orElse(null);
            var found = LuceneMatches.find(searcher, main, counted, q.limit() + 1, sort, after,
                    q.withFacets() ? facets.tally(searcher.getIndexReader(), context, q.selected()) : null, fitting.many());
            ScoreDoc[] docs = found.page().scoreDocs;
            StoredFields stored = searcher.storedFields();
            List<SearchHit> hits = java.util.Arrays.stream(docs).limit(q.limit()).map(d -> hit(stored, d.doc)).toList();
            Optional<String> next = docs.length > q.limit() ? Optional.of(LuceneSorts.cursor((FieldDoc) docs[q.limit() - 1])) : Optional.empty();
            var facetCounts = found.counts() != null
                    ? facets.count(searcher, found.counts(), q.selected(), context,
                            dim -> restricted(q, context, matching, queries.selected(q.selected(), dim, context)))
                    : List.<dev.atelier.search.SearchResult.Facet>of();
            return new Page(found.total(), hits, facetCounts, next);
        });
    }

    /** The user's query, the chosen facet values, the place (library unless the query names one) and the user's rights. */
    private static org.apache.lucene.search.Query restricted(Query q, LuceneQueries.Context context, LuceneQueries queries,
            org.apache.lucene.search.Query selected) {
        var b = new BooleanQuery.Builder();
        conjoin(b, queries.translate(q.query(), context), Occur.MUST);
        conjoin(b, selected, Occur.FILTER);
        b.add(new TermInSetQuery(READERS, q.readers().stream().map(BytesRef::new).toList()), Occur.FILTER);
        if (!LuceneQueries.namesPlace(q.query())) {
            b.add(new TermQuery(new Term(IN, "library")), Occur.FILTER);
        }
        return b.build();
    }

    /**
     * Adds a part to a conjunction, its own clauses directly when it is a conjunction too: Lucene
     * plans a flat conjunction far better ("photo type:image" as a nested one took 3× as long to
     * rank, the filter being applied inside the scored clause instead of leading beside it).
     */
    private static void conjoin(BooleanQuery.Builder into, org.apache.lucene.search.Query part, Occur occur) {
        if (part instanceof MatchAllDocsQuery && occur == Occur.FILTER) {
            return;
        }
        if (part instanceof BooleanQuery bq && bq.getMinimumNumberShouldMatch() == 0 && !bq.clauses().isEmpty()
                && bq.clauses().stream().noneMatch(c -> c.occur() == Occur.SHOULD)) {
            for (var clause : bq.clauses()) {
                // a filter stays a filter; a scored clause of a part that is only a filter is one too
                into.add(clause.query(), occur == Occur.FILTER && clause.occur() == Occur.MUST ? Occur.FILTER : clause.occur());
            }
            return;
        }
        into.add(part, occur);
    }

    private static SearchHit hit(StoredFields stored, int doc) {
        try {
            Document d = stored.document(doc);
            return new SearchHit(AssetId.parse(d.get(ID)), d.get(TITLE), d.get(FORMAT), d.getField(VERSIONS).numericValue().intValue(),
                    d.getField(SIZE).numericValue().longValue(), Instant.ofEpochMilli(d.getField(CREATED).numericValue().longValue()),
                    "trash".equals(d.get(IN)), java.util.Objects.requireNonNullElse(d.get(STATUS), AssetDocument.NOT_REVIEWED));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public List<AssetId> withTags(Set<String> tags) {
        if (tags.isEmpty()) {
            return List.of();
        }
        return withSearcher(searcher -> {
            List<AssetId> ids = new java.util.ArrayList<>();
            var query = new TermInSetQuery(TAG, tags.stream().map(t -> new BytesRef(t.toLowerCase(java.util.Locale.ROOT))).toList());
            var top = searcher.search(query, Math.max(1, searcher.getIndexReader().maxDoc()));
            for (ScoreDoc d : top.scoreDocs) {
                ids.add(AssetId.parse(searcher.storedFields().document(d.doc, Set.of(ID)).get(ID)));
            }
            return ids;
        });
    }

    @Override
    public Optional<String> correct(String word) {
        return withSearcher(searcher -> {
            SuggestWord[] words = new DirectSpellChecker().suggestSimilar(new Term(TEXT, word), 1, searcher.getIndexReader());
            return words.length == 0 ? Optional.<String>empty() : Optional.of(words[0].string);
        });
    }

    @Override
    public void commit() {
        try {
            if (writer.hasUncommittedChanges()) {
                writer.commit();
            }
        } catch (IOException | RuntimeException e) {
            log.error("Could not commit the search index; changes since the last commit are re-indexed at next start", e);
        }
    }

    private <T> T withSearcher(IoFunction<IndexSearcher, T> work) {
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply(searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        // never interrupt a thread inside Lucene I/O: an interrupted NIO channel invalidates the write lock
        committer.shutdown();
        try {
            committer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        commit();
        searchers.close();
        searchThreads.shutdown();
        writer.close();
        directory.close();
    }

    @FunctionalInterface
    private interface IoFunction<A, B> {
        B apply(A a) throws IOException;
    }
}
