package dev.atelier.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.atelier.media.internal.WorkerProtocol.RenderRequest;
import dev.atelier.media.internal.WorkerProtocol.RenderResponse;
import dev.atelier.media.internal.WorkerProtocol.Target;
import dev.atelier.testsupport.TestMedia;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** ffmpeg and ffprobe run under an address-space limit: too little memory fails the job with a reason, not the worker. */
class AvMemoryLimitTests {

    @TempDir
    Path dir;

    MediaWorkerPool pool = new MediaWorkerPool(new WorkerLauncher(DataSize.ofMegabytes(64)), 1, Duration.ofSeconds(60));

    @BeforeAll
    static void requireFfmpeg() {
        assumeThat(TestMedia.ffmpegAvailable()).as("ffmpeg is installed").isTrue();
    }

    @AfterEach
    void stopWorkers() {
        pool.destroy();
    }

    @Test
    void aLimitTooSmallFailsTheJobWithAReasonAndTheWorkerCarriesOn() throws Exception {
        Path video = Files.write(dir.resolve("clip.mp4"), TestMedia.video(320, 240, 1, "mp4"));

        RenderResponse starved = pool.render(request(video, DataSize.ofMegabytes(16)));
        RenderResponse enough = pool.render(request(video, DataSize.ofGigabytes(4)));

        assertThat(starved.outcome()).isEqualTo("too-large");
        assertThat(starved.message()).isEqualTo("ffprobe needed more memory than the limit of 16 MiB (atelier.media.av-memory)");
        assertThat(enough.outcome()).as(enough.message()).isEqualTo("ok");
        assertThat(pool.replacedWorkers()).as("the worker itself was never in danger").isZero();
    }

    private RenderRequest request(Path input, DataSize avMemory) {
        return new RenderRequest(input.toString(), "video/mp4", dir.toString(), List.of(new Target("thumbnail", 200)), 250_000_000L,
                0.85f, 60, Long.MAX_VALUE, 100, avMemory.toBytes());
    }
}
