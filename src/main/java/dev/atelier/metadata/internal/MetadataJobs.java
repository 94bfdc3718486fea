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
 * Reading metadata as a durable job per version, scheduled in the transaction that adds the
 * version, so a restart loses none. exiftool failures are recorded, not retried; a job that
 * fails otherwise (database, storage) is retried by db-scheduler.
 */
@Configuration(proxyBeanMethods = false)
class MetadataJobs {

    static final String TASK = "read-metadata";
    private static final int MAX_ATTEMPTS = 4;

    private final MetadataReader reader;
    private final SchedulerClient scheduler;
    private final Clock clock;

    MetadataJobs(MetadataReader reader, @Lazy SchedulerClient scheduler, Clock clock) {
        this.reader = reader;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Bean
    OneTimeTask<String> readMetadataTask() {
        return Tasks.oneTime(TASK, String.class).onFailure(new GiveUpAfterAttempts(MAX_ATTEMPTS, reader::giveUp)).execute((instance, context) -> {
            String[] parts = instance.getData().split("/");
            reader.read(AssetId.parse(parts[0]), Integer.parseInt(parts[1]));
        });
    }

    /** In the uploading transaction: the version and its job commit together. */
    @EventListener
    void on(AssetVersionAdded event) {
        String id = event.assetId() + "/" + event.version();
        scheduler.scheduleIfNotExists(readMetadataTask().instance(id, id), Instant.now(clock));
    }
}
