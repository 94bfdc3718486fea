package dev.atelier.search.internal;

import dev.atelier.asset.AssetId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assets waiting to be re-indexed, drained in batches by one thread, newest first. A bulk edit of
 * ten thousand assets queues ten thousand ids; whatever someone changes meanwhile jumps that
 * queue, so their search sees it within a second instead of after the whole backlog. An id
 * queued twice is indexed once (the document is built from the database when its turn comes).
 * Nothing here is durable: what a crash loses, the catch-up at start finds by revision.
 */
final class ReindexQueue implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReindexQueue.class);

    private final LinkedHashSet<AssetId> waiting = new LinkedHashSet<>();
    private final int batch;
    private final Consumer<List<AssetId>> reindex;
    private final Thread drainer;
    private volatile boolean closed;

    ReindexQueue(int batch, Consumer<List<AssetId>> reindex) {
        this.batch = batch;
        this.reindex = reindex;
        this.drainer = Thread.ofPlatform().daemon().name("search-reindex").start(this::drain);
    }

    synchronized void add(AssetId id) {
        waiting.remove(id);
        waiting.addLast(id);
        notifyAll();
    }

    private synchronized List<AssetId> take() throws InterruptedException {
        while (waiting.isEmpty() && !closed) {
            wait();
        }
        List<AssetId> next = new ArrayList<>(Math.min(batch, waiting.size()));
        while (next.size() < batch && !waiting.isEmpty()) {
            next.add(waiting.removeLast());
        }
        return next;
    }

    private void drain() {
        while (!closed) {
            try {
                List<AssetId> next = take();
                if (!next.isEmpty()) {
                    reindex.accept(next);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.error("Re-indexing failed; the catch-up at the next start repairs it", e);
            }
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
    }
}
