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
 * Reading metadata and text as durable jobs per version, scheduled in the transaction that adds
 * the version, so a restart loses none. Tool and file failures are recorded, not retried; a job
 * that fails otherwise (database, storage, media workers) is retried by db-scheduler a few times.
 */
@Configuration(proxyBeanMethods = false)
class MetadataJobs {

    static final String TASK = "read-metadata";
    static final String TEXT_TASK = "extract-text";
    /** File metadata is quick and shown on the asset page: after previews, before enrichment. */
    static final int PRIORITY = Priority.MEDIUM;
    /** Text and OCR enrich a version later; previews and metadata go first. */
    static final int TEXT_PRIORITY = Priority.LOW;

    private final MetadataReader reader;
    private final TextReader texts;
    private final SchedulerClient scheduler;
    private final Clock clock;

    MetadataJobs(MetadataReader reader, TextReader texts, @Lazy SchedulerClient scheduler, Clock clock) {
        this.reader = reader;
        this.texts = texts;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Bean
    OneTimeTask<String> readMetadataTask() {
        return VersionTasks.oneTime(TASK, PRIORITY, reader::read, reader::giveUp);
    }

    @Bean
    OneTimeTask<String> extractTextTask() {
        return VersionTasks.oneTime(TEXT_TASK, TEXT_PRIORITY, texts::read, texts::giveUp);
    }

    /** In the uploading transaction: the version and its jobs commit together. */
    @EventListener
    void on(AssetVersionAdded event) {
        String id = VersionTasks.id(event.assetId(), event.version());
        scheduler.scheduleIfNotExists(readMetadataTask().instance(id, id), Instant.now(clock));
        scheduler.scheduleIfNotExists(extractTextTask().instance(id, id), Instant.now(clock));
    }
}
