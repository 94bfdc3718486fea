package dev.atelier.search.internal;

import dev.atelier.asset.AssetEdited;
import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetManagement;
import dev.atelier.asset.AssetRestored;
import dev.atelier.asset.AssetTrashed;
import dev.atelier.asset.AssetVersionAdded;
import dev.atelier.collection.CollectionMembershipChanged;
import dev.atelier.metadata.MetadataExtracted;
import dev.atelier.metadata.MetadataManagement;
import dev.atelier.metadata.TextExtracted;
import dev.atelier.metadata.TextManagement;
import dev.atelier.search.IndexStatus;
import dev.atelier.shared.Cursor;
import jakarta.annotation.PreDestroy;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

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
    private final TextManagement texts;
    private final ExecutorService background = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("search-sync").factory());
    private final AtomicLong done = new AtomicLong();
    private final Object[] stripes = java.util.stream.IntStream.range(0, 64).mapToObj(i -> new Object()).toArray();
    private final AtomicLong total = new AtomicLong();
    private volatile String state = "ready";
    private volatile boolean stopping;
    private volatile Optional<String> lastError = Optional.empty();

    IndexSync(AssetIndex index, AssetManagement assets, AssetDocuments documents, MetadataManagement metadata, TextManagement texts) {
        this.texts = texts;
        this.index = index;
        this.assets = assets;
        this.documents = documents;
        this.metadata = metadata;
    }

    @ApplicationModuleListener
    void on(AssetVersionAdded e) {
        reindex(e.assetId());
    }

    @ApplicationModuleListener
    void on(AssetEdited e) {
        reindex(e.assetId());
    }

    @ApplicationModuleListener
    void on(AssetTrashed e) {
        reindex(e.assetId());
    }

    @ApplicationModuleListener
    void on(AssetRestored e) {
        reindex(e.assetId());
    }

    /**
     * Reading and writing one asset's document happen under a lock of that asset: two events
     * (metadata read, text read) handled at once could otherwise write a document read before the
     * other's commit last, and lose what it brought until the next catch-up.
     */
    void reindex(AssetId id) {
        synchronized (stripes[Math.floorMod(id.hashCode(), stripes.length)]) {
            assets.find(id).ifPresent(a -> index.upsert(List.of(documents.of(a))));
        }
    }

    @ApplicationModuleListener
    void on(MetadataExtracted e) {
        reindex(e.assetId());
    }

    @ApplicationModuleListener
    void on(TextExtracted e) {
        reindex(e.assetId());
    }

    /**
     * Membership has no revision the catch-up could compare, so this listener commits before it
     * returns: once the event counts as delivered, the change is on disk.
     */
    @ApplicationModuleListener
    void on(CollectionMembershipChanged e) {
        for (int from = 0; from < e.assets().size(); from += BATCH) {
            var batch = e.assets().subList(from, Math.min(from + BATCH, e.assets().size()));
            index.upsert(batch.stream().map(assets::find).flatMap(Optional::stream).map(documents::of).toList());
        }
        index.commit();
    }

    @EventListener(ApplicationReadyEvent.class)
    void catchUpAfterStart() {
        background.execute(() -> run("catching-up", this::catchUp));
    }

    /** Starts a rebuild from the database unless one is running; searches see the old index until it is done. */
    public IndexStatus rebuild() {
        state = "rebuilding";
        background.execute(() -> run("rebuilding", this::rebuildAll));
        return status();
    }

    public IndexStatus status() {
        return new IndexStatus(state, index.count(), done.get(), total.get(), lastError);
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
                reindex(id);
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
        background.shutdown();
        background.awaitTermination(30, TimeUnit.SECONDS);
    }
}
