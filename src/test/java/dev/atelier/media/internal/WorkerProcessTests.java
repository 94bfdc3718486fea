package dev.atelier.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The server's side of a worker conversation, against {@code cat} as a stand-in worker that echoes what it is sent. */
class WorkerProcessTests {

    @Test
    void aConversationRunsOnAPlatformThreadNotOnAVirtualThreadsCarrier() throws Exception {
        Process cat = new ProcessBuilder("cat").start();
        try {
            var worker = new WorkerProcess(cat);

            boolean virtual = worker.call((requests, responses) -> {
                requests.writeByte(7);
                requests.flush();
                assertThat(responses.readByte()).isEqualTo((byte) 7);
                return Thread.currentThread().isVirtual();
            }, Duration.ofSeconds(30), Long.MAX_VALUE);

            // it blocks in a read of the worker's pipe for the whole job: on a virtual thread that read holds a carrier,
            // and two long jobs on two cores once left the server's other virtual threads none (stop 15)
            assertThat(virtual).isFalse();
        } finally {
            cat.destroyForcibly();
        }
    }
}
