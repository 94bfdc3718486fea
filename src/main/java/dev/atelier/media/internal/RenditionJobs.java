package dev.atelier.media.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Priority;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.atelier.asset.AssetVersionAdded;
import dev.atelier.media.MediaProperties;
import dev.atelier.media.RenditionStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;

/**
 * Renditions as durable jobs. A new version schedules its job in the transaction that adds it,
 * so the job exists exactly when the version does and survives restarts. A job that fails for a
 * passing reason is retried with growing waits ({@code retry-backoff} × 4ⁿ) up to
 * {@code max-attempts}, its renditions staying pending with the reason; then they are marked
 * failed. Decoder failures are final at once: the worker pool has already retried those.
 */
@Configuration(proxyBeanMethods = false)
class RenditionJobs {

    static final String TASK = "render-version";

    private static final Logger log = LoggerFactory.getLogger(RenditionJobs.class);

    private final RenditionGenerator generator;
    private final MediaProperties properties;
    private final SchedulerClient scheduler;
    private final Clock clock;

    RenditionJobs(RenditionGenerator generator, MediaProperties properties, @Lazy SchedulerClient scheduler, Clock clock) {
        this.generator = generator;
        this.properties = properties;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Bean
    OneTimeTask<String> renderVersionTask() {
        // previews first: people wait for them; text and pixel analysis (faces, OCR) run after
        return Tasks.oneTime(TASK, String.class)
                .defaultPriority(Priority.HIGH)
                .onFailure(new RetryWithBackoff())
                .execute((instance, context) -> generator.generate(RenderJob.decode(instance.getData())));
    }

    /** In the uploading transaction: the version and its job commit together. */
    @EventListener
    void on(AssetVersionAdded event) {
        RenderJob job = RenderJob.of(event);
        generator.markPending(job);
        scheduler.scheduleIfNotExists(renderVersionTask().instance(job.id(), job.encode()), Instant.now(clock));
    }

    Duration backoff(int failures) {
        return properties.retryBackoff().multipliedBy(1L << (2 * Math.min(failures - 1, 10)));
    }

    private final class RetryWithBackoff implements FailureHandler<String> {

        @Override
        public void onFailure(ExecutionComplete complete, ExecutionOperations<String> operations) {
            int failures = complete.getExecution().consecutiveFailures + 1;
            RenderJob job = RenderJob.decode((String) complete.getExecution().taskInstance.getData());
            String reason = complete.getCause().map(Throwable::getMessage).orElse("unknown error");
            if (failures >= properties.maxAttempts()) {
                log.warn("giving up the renditions of {} v{} after {} attempts: {}", job.asset(), job.version(), failures, reason);
                // the reason first: were recording it to fail, the job stays and tries again
                generator.markAll(job, RenditionStatus.FAILED, "gave up after " + failures + " attempts: " + reason);
                operations.stop();
            } else {
                Instant next = complete.getTimeDone().plus(backoff(failures));
                generator.markAll(job, RenditionStatus.PENDING,
                        "attempt " + failures + " of " + properties.maxAttempts() + " failed (" + reason + "); trying again at " + next);
                operations.reschedule(complete, next);
            }
        }
    }
}
