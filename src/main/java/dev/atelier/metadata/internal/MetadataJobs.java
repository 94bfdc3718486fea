package dev.atelier.metadata.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.atelier.asset.AssetId;
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
    private static final int MAX_ATTEMPTS = 4;

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
        return perVersion(TASK, reader::read, reader::giveUp);
    }

    @Bean
    OneTimeTask<String> extractTextTask() {
        return perVersion(TEXT_TASK, texts::read, texts::giveUp);
    }

    private interface VersionWork {
        void run(AssetId id, int version);
    }

    /** A task whose data is {@code assetId/version}. */
    private static OneTimeTask<String> perVersion(String name, VersionWork work, GiveUpAfterAttempts.GiveUp giveUp) {
        return Tasks.oneTime(name, String.class).onFailure(new GiveUpAfterAttempts(MAX_ATTEMPTS, giveUp)).execute((instance, context) -> {
            String[] parts = instance.getData().split("/");
            work.run(AssetId.parse(parts[0]), Integer.parseInt(parts[1]));
        });
    }

    /** In the uploading transaction: the version and its jobs commit together. */
    @EventListener
    void on(AssetVersionAdded event) {
        String id = GiveUpAfterAttempts.id(event.assetId(), event.version());
        scheduler.scheduleIfNotExists(readMetadataTask().instance(id, id), Instant.now(clock));
        scheduler.scheduleIfNotExists(extractTextTask().instance(id, id), Instant.now(clock));
    }
}
