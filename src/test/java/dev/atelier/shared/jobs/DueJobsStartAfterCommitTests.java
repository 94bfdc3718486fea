package dev.atelier.shared.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.atelier.Atelier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * A job scheduled to run now starts when the transaction that scheduled it commits (at once
 * outside one): not at the next poll for due jobs, which here comes only every ten minutes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DueJobsStartAfterCommitTests {

    /** The ids of the probe jobs that ran. */
    private static final Set<String> RAN = ConcurrentHashMap.newKeySet();

    private Path home;
    private ConfigurableApplicationContext app;
    private SchedulerClient scheduler;
    private OneTimeTask<Void> probe;

    @BeforeAll
    @SuppressWarnings("unchecked")
    void start() throws IOException {
        // not a @TempDir: the media workers the server starts may still be writing their temporary files as it closes
        home = Files.createTempDirectory("due-jobs-");
        app = new SpringApplicationBuilder(Atelier.class, Probe.class).run("--atelier.home=" + home, "--server.port=0",
                "--server.address=127.0.0.1", "--atelier.identity.admin-password=admin-secret-1", "--atelier.jobs.polling-interval=10m");
        scheduler = app.getBean(SchedulerClient.class);
        probe = app.getBean("probeTask", OneTimeTask.class);
    }

    @AfterAll
    void stop() {
        app.close();
        try {
            FileSystemUtils.deleteRecursively(home);
        } catch (IOException e) {
            // left for the system's temporary-file cleanup
        }
    }

    @Test
    void aJobScheduledInASlowTransactionStartsWhenItCommits() throws Exception {
        transaction(TransactionDefinition.PROPAGATION_REQUIRED).executeWithoutResult(tx -> {
            schedule("slow");
            // a look for due jobs made now finds nothing: the job is not committed yet
            sleep(1_000);
        });

        assertThat(ranWithin("slow", 30)).isTrue();
    }

    @Test
    void aJobScheduledOutsideATransactionStartsAtOnce() throws Exception {
        schedule("outside");

        assertThat(ranWithin("outside", 30)).isTrue();
    }

    @Test
    void aJobScheduledInANewTransactionWithinAnotherStartsWhenTheInnerOneCommits() throws Exception {
        transaction(TransactionDefinition.PROPAGATION_REQUIRED).executeWithoutResult(outer -> {
            schedule("outer");
            transaction(TransactionDefinition.PROPAGATION_REQUIRES_NEW).executeWithoutResult(inner -> schedule("inner"));
            // the outer transaction is still open: only the inner job can run
            assertThat(ranWithin("inner", 30)).isTrue();
            assertThat(RAN).doesNotContain("outer");
        });

        assertThat(ranWithin("outer", 30)).isTrue();
    }

    private void schedule(String id) {
        scheduler.schedule(probe.instance(id), Instant.now());
    }

    private TransactionTemplate transaction(int propagation) {
        var template = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
        template.setPropagationBehavior(propagation);
        return template;
    }

    /** Whether the probe job with this id ran within the time. */
    private static boolean ranWithin(String id, int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!RAN.contains(id) && System.nanoTime() < deadline) {
            sleep(20);
        }
        return RAN.contains(id);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Probe {

        @Bean
        OneTimeTask<Void> probeTask() {
            return Tasks.oneTime("due-jobs-probe").execute((instance, context) -> RAN.add(instance.getId()));
        }
    }
}
