package dev.atelier.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.asset.AssetId;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The re-index queue's batching: changes arriving close together share a batch (and the index one refresh). */
class ReindexQueueTests {

    private final BlockingQueue<List<AssetId>> batches = new LinkedBlockingQueue<>();

    @Test
    void idsArrivingWithinTheGapAfterABatchJoinTheNextOneNewestFirst() throws Exception {
        AssetId a = id();
        AssetId b = id();
        AssetId c = id();
        try (var queue = new ReindexQueue(50, Duration.ofSeconds(3), batches::add)) {
            queue.add(a);
            assertThat(batches.poll(5, TimeUnit.SECONDS)).as("after a quiet spell at once").containsExactly(a);

            queue.add(b);
            Thread.sleep(100);
            queue.add(c);
            queue.add(b);

            assertThat(batches.poll(5, TimeUnit.SECONDS)).as("one batch, b queued twice and indexed once").containsExactly(b, c);
        }
    }

    @Test
    void anIdAfterAQuietSpellIsTakenWithoutWaitingForTheGap() throws Exception {
        try (var queue = new ReindexQueue(50, Duration.ofMinutes(5), batches::add)) {
            AssetId a = id();
            queue.add(a);

            // were the gap counted from the queue's start, this would wait five minutes
            assertThat(batches.poll(5, TimeUnit.SECONDS)).containsExactly(a);
        }
    }

    @Test
    void aFullBatchDoesNotWaitForTheGap() throws Exception {
        try (var queue = new ReindexQueue(2, Duration.ofMinutes(5), batches::add)) {
            queue.add(id());
            assertThat(batches.poll(5, TimeUnit.SECONDS)).hasSize(1);

            queue.add(id());
            queue.add(id());

            assertThat(batches.poll(5, TimeUnit.SECONDS)).as("a full batch goes at once").hasSize(2);
        }
    }

    private static AssetId id() {
        return new AssetId(UUID.randomUUID());
    }
}
