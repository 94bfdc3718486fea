package dev.atelier.search.internal;

import dev.atelier.asset.AssetId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Assets waiting to be re-indexed, drained in batches by one thread, newest first. A bulk edit of
 * ten thousand assets queues ten thousand ids; whatever someone changes meanwhile jumps that
 * queue, so their search sees it within a second instead of after the whole backlog. An id
 * queued twice is indexed once (the document is built from the database when its turn comes).
 * Nothing here is durable: what a crash loses, the catch-up at start finds by revision.
 *
 * <p>Each batch ends with the index publishing a new reader (a near-real-time refresh that flushes
 * a small segment), which cost most of this thread's CPU while uploads streamed in one or two at a
 * time. So a batch starts at least {@code gap} after the previous one ended: ids that arrive
 * meanwhile (the next uploads, an upload's metadata just read) join it, and an asset queued twice
 * is indexed once. After a quiet spell an id is taken at once.
 */
final class ReindexQueue implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReindexQueue.class);

    private final LinkedHashSet<AssetId> waiting = new LinkedHashSet<>();
    private final int batch;
    private final long gapNanos;
    private final Consumer<List<AssetId>> reindex;
    private final Thread drainer;
    private volatile boolean closed;
    /** When the last batch ended ({@link System#nanoTime()}); guarded by this. */
    private long lastEnded;

    ReindexQueue(int batch, Duration gap, Consumer<List<AssetId>> reindex) {
        this.batch = batch;
        this.gapNanos = gap.toNanos();
        this.lastEnded = System.nanoTime() - gapNanos;
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
        // wait() may wake early (another add): the deadline is computed afresh each time
        for (long left = lastEnded + gapNanos - System.nanoTime(); left > 0 && waiting.size() < batch && !closed;
                left = lastEnded + gapNanos - System.nanoTime()) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
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
                    try {
                        reindex.accept(next);
                    } finally {
                        ended();
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.error("Re-indexing failed; the catch-up at the next start repairs it", e);
            }
        }
    }

    private synchronized void ended() {
        lastEnded = System.nanoTime();
    }

    /** Stops taking ids; what waits is dropped (the catch-up at the next start finds it), not indexed while the index closes. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            waiting.clear();
            notifyAll();
        }
    }
}
