package dev.atelier.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.asset.AssetManagement;
import dev.atelier.metadata.ImageAnalysisManagement;
import dev.atelier.metadata.MetadataManagement;
import dev.atelier.metadata.TextManagement;
import dev.atelier.testsupport.IntegrationTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An admin's rebuild waits behind the running job and is shown as "rebuilding" from the request
 * until it has run; asking again meanwhile does not queue a second one. The background jobs run
 * when the test says, in its own thread, against an index of its own.
 */
class IndexRebuildTests extends IntegrationTest {

    @Autowired
    AssetManagement assets;

    @Autowired
    AssetDocuments documents;

    @Autowired
    MetadataManagement metadata;

    @Autowired
    ImageAnalysisManagement analyses;

    @Autowired
    TextManagement texts;

    @TempDir
    Path dir;

    private final StepExecutor background = new StepExecutor();
    private LuceneAssetIndex index;
    private IndexSync sync;

    @BeforeEach
    void createSync() throws Exception {
        index = new LuceneAssetIndex(dir, Duration.ofMillis(50), 10);
        sync = new IndexSync(index, assets, documents, metadata, analyses, texts, background);
    }

    @AfterEach
    void stopSync() throws Exception {
        sync.stop();
        index.close();
    }

    @Test
    void showsRebuildingFromTheRequestUntilThatRebuildHasRun() {
        sync.catchUpAfterStart();

        assertThat(sync.rebuild().state()).isEqualTo("rebuilding");
        background.runNext();
        assertThat(sync.status().state()).as("after the catch-up it waited behind").isEqualTo("rebuilding");
        background.runNext();
        assertThat(sync.status().state()).isEqualTo("ready");
        assertThat(sync.status().lastError()).as("a failed rebuild ends 'ready' too").isEmpty();
        assertThat(background.waiting()).isZero();
    }

    @Test
    void queuesOneRebuildForRequestsWhileOneWaits() {
        sync.rebuild();
        assertThat(sync.rebuild().state()).isEqualTo("rebuilding");
        assertThat(background.waiting()).isEqualTo(1);

        background.runNext();
        assertThat(sync.status().state()).isEqualTo("ready");
        assertThat(sync.status().lastError()).isEmpty();
        sync.rebuild();
        assertThat(background.waiting()).as("a request after the rebuild ended").isEqualTo(1);
    }

    /** Holds the jobs handed to it until the test runs them, one at a time, in its own thread. */
    private static final class StepExecutor extends AbstractExecutorService {

        private final Queue<Runnable> jobs = new ArrayDeque<>();

        @Override
        public void execute(Runnable job) {
            jobs.add(job);
        }

        void runNext() {
            jobs.remove().run();
        }

        int waiting() {
            return jobs.size();
        }

        @Override
        public void shutdown() {
        }

        @Override
        public List<Runnable> shutdownNow() {
            return List.copyOf(jobs);
        }

        @Override
        public boolean isShutdown() {
            return false;
        }

        @Override
        public boolean isTerminated() {
            return false;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }
}
