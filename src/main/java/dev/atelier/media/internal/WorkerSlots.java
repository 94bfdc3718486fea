package dev.atelier.media.internal;

import java.time.Duration;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;

/**
 * Free places of a group of media workers, handed out most urgent first and, within one urgency,
 * in the order asked: a rendition someone is waiting for goes ahead of the previews of new uploads,
 * and those go ahead of enrichment (pixel analysis with its face count, OCR, document text). The
 * pool gives enrichment workers of its own ({@link MediaWorkerPool}), so a preview never waits for
 * a face count; within a group the order still holds.
 */
final class WorkerSlots {

    /** How soon a job is needed, most urgent first. */
    enum Urgency {
        /** A person waits for the answer: a dynamic rendition, a capability or sandbox probe. */
        WAITED_FOR,
        /** Thumbnails, previews and proxies of new versions. */
        PREVIEWS,
        /** Work that enriches a version later: pixel analysis and faces, OCR, document text. */
        ENRICHMENT
    }

    private record Waiter(Urgency urgency, long arrival) {}

    private final PriorityQueue<Waiter> waiting = new PriorityQueue<>(
            Comparator.comparing(Waiter::urgency).thenComparingLong(Waiter::arrival));
    private int free;
    private long arrivals;

    WorkerSlots(int size) {
        this.free = size;
    }

    /** Takes a place, waiting as long as it takes; an interrupt is kept for the caller to see afterwards. */
    void acquire(Urgency urgency) {
        boolean interrupted = false;
        while (true) {
            try {
                acquire(urgency, null);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Takes a place when one is free and no more urgent or earlier request waits for it.
     *
     * @param wait how long to wait at most; null: as long as it takes
     * @return false when the wait ran out
     */
    synchronized boolean acquire(Urgency urgency, Duration wait) throws InterruptedException {
        if (waiting.isEmpty() && free > 0) {
            free--;
            return true;
        }
        Waiter me = new Waiter(urgency, arrivals++);
        waiting.add(me);
        long deadline = wait == null ? 0 : System.nanoTime() + wait.toNanos();
        try {
            while (waiting.peek() != me || free == 0) {
                if (wait == null) {
                    wait();
                } else {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                }
            }
            free--;
            return true;
        } finally {
            waiting.remove(me);
            // the next in line may go now, or may be next now that this one left
            notifyAll();
        }
    }

    /** Gives back a place. */
    synchronized void release() {
        free++;
        notifyAll();
    }

    /** Requests waiting for a place now. */
    synchronized int waiting() {
        return waiting.size();
    }
}
