package dev.atelier.search.internal;

import dev.atelier.asset.AssetEdited;
import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetManagement;
import dev.atelier.asset.AssetRestored;
import dev.atelier.asset.AssetReviewChanged;
import dev.atelier.asset.AssetTrashed;
import dev.atelier.asset.AssetVersionAdded;
import dev.atelier.collection.CollectionMembershipChanged;
import dev.atelier.metadata.FieldValuesChanged;
import dev.atelier.metadata.ImageAnalysed;
import dev.atelier.metadata.ImageAnalysisManagement;
import dev.atelier.metadata.MetadataExtracted;
import dev.atelier.metadata.MetadataManagement;
import dev.atelier.metadata.TextExtracted;
import dev.atelier.metadata.TextManagement;
import dev.atelier.search.IndexStatus;
import dev.atelier.shared.Cursor;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps the index a mirror of the database. Asset events (after commit, at least once) re-index
 * the one asset; at start a catch-up compares every asset's revision with the indexed one (which
 * also builds a missing index); an admin may rebuild from scratch. Catch-up and rebuild run one at
 * a time on their own thread, and searches keep working meanwhile.
 */
@Component
public class IndexSync {

    private static final Logger log = LoggerFactory.getLogger(IndexSync.class);
    private static final int BATCH = 500;
    /** Above this many stale assets a catch-up reads everything in pages rather than one by one. */
    private static final int ONE_BY_ONE = 2_000;

    private final AssetIndex index;
    private final AssetManagement assets;
    private final AssetDocuments documents;
    private final MetadataManagement metadata;
    private final ImageAnalysisManagement analyses;
    /** A batch starts at least 200 ms after the previous one ended (unless 50 wait): changes arriving together (an import) share it and one refresh. */
    private final ReindexQueue queue = new ReindexQueue(50, Duration.ofMillis(200), this::reindexNow);
    private final TextManagement texts;
    private final ExecutorService background;
    private final AtomicLong done = new AtomicLong();
    /** One writer of documents at a time: two handlers building the same asset's document at once could write the staler one last. */
    private final Object writing = new Object();
    private final AtomicLong total = new AtomicLong();
    private volatile String state = "ready";
    /** Set when an admin asks for a rebuild and cleared when that rebuild ends, so requests meanwhile queue no second one. */
    private final AtomicBoolean rebuildRequested = new AtomicBoolean();
    private volatile boolean stopping;
    private volatile Optional<String> lastError = Optional.empty();

    @Autowired
    IndexSync(AssetIndex index, AssetManagement assets, AssetDocuments documents, MetadataManagement metadata,
            ImageAnalysisManagement analyses, TextManagement texts) {
        this(index, assets, documents, metadata, analyses, texts,
                Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("search-sync").factory()));
    }

    /** Tests pass an executor whose queued jobs they run one at a time. */
    IndexSync(AssetIndex index, AssetManagement assets, AssetDocuments documents, MetadataManagement metadata,
            ImageAnalysisManagement analyses, TextManagement texts, ExecutorService background) {
        this.background = background;
        this.analyses = analyses;
        this.texts = texts;
        this.index = index;
        this.assets = assets;
        this.documents = documents;
        this.metadata = metadata;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AssetVersionAdded e) {
        reindex(e.assetId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AssetEdited e) {
        reindex(e.assetId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AssetTrashed e) {
        reindex(e.assetId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AssetRestored e) {
        reindex(e.assetId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AssetReviewChanged e) {
        reindex(e.assetId());
    }

    /**
     * Queued once the change has committed: asset, metadata and analysis and text events re-index through
     * {@link ReindexQueue}, newest first, in batches. These listeners only note the id, in the
     * committing thread; they need no durable delivery because each change leaves a trace the
     * catch-up at start compares (the asset's revision, the metadata, analysis and text flags).
     */
    void reindex(AssetId id) {
        queue.add(id);
    }

    private void reindexNow(List<AssetId> ids) {
        synchronized (writing) {
            index.upsert(ids.stream().map(assets::find).flatMap(Optional::stream).map(documents::of).toList());
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(MetadataExtracted e) {
        reindex(e.assetId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ImageAnalysed e) {
        reindex(e.assetId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(TextExtracted e) {
        reindex(e.assetId());
    }

    /**
     * Membership has no revision the catch-up could compare, so this listener commits before it
     * returns: once the event counts as delivered, the change is on disk.
     */
    @ApplicationModuleListener
    void on(CollectionMembershipChanged e) {
        reindexAndCommit(e.assets());
    }

    /**
     * A few assets put into a collection by hand are also re-indexed at once, in the committing
     * thread, so the collection shown next already holds them; the durable listener above still
     * follows (and commits), and large changes are left to it alone.
     */
    @TransactionalEventListener(fallbackExecution = true)
    void visibleAtOnce(CollectionMembershipChanged e) {
        if (e.assets().size() <= BATCH) {
            reindexNow(e.assets());
        }
    }

    /** Term renames, merges (these too commit before returning, having no revision to catch up by) and synonym edits: the assets named, and those whose embedded keywords use the changed words. */
    @ApplicationModuleListener
    void on(FieldValuesChanged e) {
        var ids = new LinkedHashSet<>(e.assets());
        ids.addAll(index.withTags(e.keywords()));
        reindexAndCommit(List.copyOf(ids));
    }

    private void reindexAndCommit(List<AssetId> ids) {
        for (int from = 0; from < ids.size(); from += BATCH) {
            reindexNow(ids.subList(from, Math.min(from + BATCH, ids.size())));
        }
        index.commit();
    }

    @EventListener(ApplicationReadyEvent.class)
    void catchUpAfterStart() {
        background.execute(() -> run("catching-up", this::catchUp));
    }

    /**
     * Starts a rebuild from the database once the background job running now (a catch-up) is done,
     * unless a rebuild already waits or runs (then this only returns the status); searches see the
     * old index until it is done.
     */
    public IndexStatus rebuild() {
        if (rebuildRequested.compareAndSet(false, true)) {
            try {
                background.execute(this::requestedRebuild);
            } catch (RejectedExecutionException e) {
                // shutting down: no rebuild will run, so none may be shown as waiting
                rebuildRequested.set(false);
                throw e;
            }
        }
        return status();
    }

    private void requestedRebuild() {
        try {
            run("rebuilding", this::rebuildAll);
        } finally {
            // after run() set "ready": a status read in between still sees the request
            rebuildRequested.set(false);
        }
    }

    /** The index's state: {@code rebuilding} from an admin's request until that rebuild ends, also while it waits behind a catch-up. */
    public IndexStatus status() {
        String shown = rebuildRequested.get() ? "rebuilding" : state;
        return new IndexStatus(shown, index.count(), done.get(), total.get(), lastError);
    }

    private void run(String name, Runnable work) {
        state = name;
        done.set(0);
        long started = System.nanoTime();
        try {
            work.run();
            lastError = Optional.empty();
            log.info("Search index {} done: {} assets in {} ms", name, done.get(), (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            lastError = Optional.of(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            log.error("Search index {} failed", name, e);
        } finally {
            state = "ready";
        }
    }

    private void catchUp() {
        if (index.outdated()) {
            log.info("The search index was written by an older version of Atelier; rebuilding it (searches see the old one meanwhile)");
            rebuildAll();
            return;
        }
        Set<AssetId> stale = new LinkedHashSet<>();
        AtomicLong seen = new AtomicLong();
        assets.eachRevision((id, revision) -> {
            seen.incrementAndGet();
            var indexed = index.indexed(id);
            if (indexed.isEmpty() || indexed.get().revision() != revision) {
                stale.add(id);
            }
        });
        // metadata read for a current version after the index last saw it (its event lost in a crash)
        metadata.eachDone((id, version) -> index.indexed(id)
                .filter(i -> i.versions() == version && !i.metadataRead()).ifPresent(i -> stale.add(id)));
        // likewise a pixel analysis that finished after the index last saw the asset
        analyses.eachDone((id, version) -> index.indexed(id)
                .filter(i -> i.versions() == version && !i.analysed()).ifPresent(i -> stale.add(id)));
        texts.eachDone((id, version) -> index.indexed(id)
                .filter(i -> i.versions() == version && !i.textRead()).ifPresent(i -> stale.add(id)));
        total.set(stale.size());
        if (stale.size() > ONE_BY_ONE) {
            reindexEverything();
        } else {
            for (AssetId id : stale) {
                if (stopping) {
                    return;
                }
                reindexNow(List.of(id));
                done.incrementAndGet();
            }
        }
        if (index.count() > seen.get()) {
            log.warn("The search index holds {} documents for {} assets; rebuilding it", index.count(), seen.get());
            rebuildAll();
        }
    }

    private void rebuildAll() {
        AtomicLong count = new AtomicLong();
        assets.eachRevision((id, revision) -> count.incrementAndGet());
        total.set(count.get());
        index.holdPublishing(true);
        try {
            index.clear();
            reindexEverything();
        } finally {
            index.holdPublishing(false);
            index.publish();
        }
    }

    private void reindexEverything() {
        Optional<Cursor> after = Optional.empty();
        do {
            var page = assets.scan(after, BATCH);
            index.upsert(page.items().stream().map(documents::of).toList());
            done.addAndGet(page.items().size());
            after = page.next().flatMap(Cursor::decode);
        } while (after.isPresent() && !stopping);
        index.publish();
    }

    /** Lets a running catch-up or rebuild stop between batches; interrupting Lucene I/O would break the index lock. */
    @PreDestroy
    void stop() throws InterruptedException {
        stopping = true;
        queue.close();
        background.shutdown();
        background.awaitTermination(30, TimeUnit.SECONDS);
    }
}
