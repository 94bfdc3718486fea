package dev.atelier.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.media.internal.WorkerSlots.Urgency;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A freed worker goes to the most urgent waiter, then to the one that asked first. */
class WorkerSlotsTests {

    @Test
    void aFreedPlaceGoesToTheMostUrgentThenTheEarliestWaiter() throws Exception {
        var slots = new WorkerSlots(1);
        slots.acquire(Urgency.PREVIEWS);
        List<String> order = new CopyOnWriteArrayList<>();
        List<Thread> threads = new java.util.ArrayList<>();
        // asked in this order; enrichment first, the one someone waits for last
        for (var ask : List.of(List.of("enrich-1", Urgency.ENRICHMENT), List.of("preview-1", Urgency.PREVIEWS),
                List.of("enrich-2", Urgency.ENRICHMENT), List.of("waited", Urgency.WAITED_FOR), List.of("preview-2", Urgency.PREVIEWS))) {
            int before = slots.waiting();
            Thread t = Thread.ofPlatform().start(() -> {
                slots.acquire((Urgency) ask.get(1));
                order.add((String) ask.get(0));
                slots.release();
            });
            threads.add(t);
            awaitWaiting(slots, before + 1);
        }
        assertThat(order).isEmpty();
        slots.release();
        for (Thread t : threads) {
            t.join(5_000);
        }
        assertThat(order).containsExactly("waited", "preview-1", "preview-2", "enrich-1", "enrich-2");
    }

    @Test
    void aBoundedWaitGivesUpAndLeavesTheLine() throws Exception {
        var slots = new WorkerSlots(1);
        slots.acquire(Urgency.ENRICHMENT);
        assertThat(slots.acquire(Urgency.WAITED_FOR, Duration.ofMillis(50))).isFalse();
        assertThat(slots.waiting()).isZero();
        slots.release();
        assertThat(slots.acquire(Urgency.ENRICHMENT, Duration.ofMillis(50))).isTrue();
    }

    private static void awaitWaiting(WorkerSlots slots, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (slots.waiting() < n && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(slots.waiting()).isEqualTo(n);
    }
}
