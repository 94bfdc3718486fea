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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * A job scheduled to run now, inside a transaction, starts when that transaction commits: not at
 * the next poll for due jobs, which here comes only every ten minutes.
 */
class DueJobsStartAfterCommitTests {

    private static final CountDownLatch RAN = new CountDownLatch(1);

    @Test
    void aJobScheduledInASlowTransactionStartsWhenItCommits() throws Exception {
        // not a @TempDir: the media workers the server starts may still be writing their temporary files as it closes
        Path home = Files.createTempDirectory("due-jobs-");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Atelier.class, Probe.class).run(
                "--atelier.home=" + home, "--server.port=0", "--server.address=127.0.0.1", "--atelier.identity.admin-password=admin-secret-1",
                "--atelier.jobs.polling-interval=10m")) {
            SchedulerClient scheduler = app.getBean(SchedulerClient.class);
            OneTimeTask<Void> probe = app.getBean("probeTask", OneTimeTask.class);

            new TransactionTemplate(app.getBean(PlatformTransactionManager.class)).executeWithoutResult(tx -> {
                scheduler.schedule(probe.instance("once"), Instant.now());
                // a look for due jobs made now finds nothing: the job is not committed yet
                sleep(1_000);
            });

            assertThat(RAN.await(30, TimeUnit.SECONDS)).as("the job ran within 30 s of the commit").isTrue();
        } finally {
            try {
                FileSystemUtils.deleteRecursively(home);
            } catch (IOException e) {
                // left for the system's temporary-file cleanup
            }
        }
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
            return Tasks.oneTime("due-jobs-probe").execute((instance, context) -> RAN.countDown());
        }
    }
}
