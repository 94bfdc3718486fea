package dev.atelier.metadata.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Priority;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import dev.atelier.asset.AssetVersionAdded;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;

/**
 * Analysing a version's pixels as a durable job, scheduled in the transaction that adds the
 * version. A file the engines refuse is recorded as failed at once; unavailable workers or
 * storage are retried a few times, then recorded as failed with the reason.
 */
@Configuration(proxyBeanMethods = false)
class ImageAnalysisJobs {

    static final String TASK = "analyse-pixels";
    /** Colours and faces (seconds per image) enrich a version later; previews go first. */
    static final int PRIORITY = Priority.LOW;

    private final ImageAnalyser analyser;
    private final SchedulerClient scheduler;
    private final Clock clock;

    ImageAnalysisJobs(ImageAnalyser analyser, @Lazy SchedulerClient scheduler, Clock clock) {
        this.analyser = analyser;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Bean
    OneTimeTask<String> analysePixelsTask() {
        return VersionTasks.oneTime(TASK, PRIORITY, analyser::analyse, analyser::giveUp);
    }

    /** In the uploading transaction: the version and its job commit together. */
    @EventListener
    void on(AssetVersionAdded event) {
        String id = VersionTasks.id(event.assetId(), event.version());
        scheduler.scheduleIfNotExists(analysePixelsTask().instance(id, id), Instant.now(clock));
    }
}
