package dev.atelier.metadata.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetVersionAdded;
import dev.atelier.metadata.TaggerProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;

/**
 * Asking the external tagger about each new version as a durable job, scheduled in the transaction
 * that adds the version (only when a tagger is configured). While the preview is being made the
 * job comes back after a second, then ever less often (at most every five minutes); a failed call is retried a few times, then recorded as failed.
 */
@Configuration(proxyBeanMethods = false)
class TaggerJobs {

    static final String TASK = "external-tagger";
    private static final int MAX_ATTEMPTS = 4;
    private static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(5);

    private final Tagger tagger;
    private final TaggerProperties properties;
    private final SchedulerClient scheduler;
    private final Clock clock;

    TaggerJobs(Tagger tagger, TaggerProperties properties, @Lazy SchedulerClient scheduler, Clock clock) {
        this.tagger = tagger;
        this.properties = properties;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Bean
    CustomTask<String> externalTaggerTask() {
        return Tasks.custom(TASK, String.class).onFailure(new GiveUpAfterAttempts(MAX_ATTEMPTS, properties.retryDelay(), tagger::giveUp))
                .execute((instance, context) -> {
                    var ref = VersionTasks.Ref.parse(instance.getData());
                    return switch (tagger.tag(ref.asset(), ref.version())) {
                        case DONE -> new CompletionHandler.OnCompleteRemove<>();
                        case WAITING -> waitAgain(instance.getData().split("/"));
                    };
                });
    }

    /** Data {@code assetId/version/waits}: each wait twice as long as the one before, up to {@link #LONGEST_WAIT}. */
    private static CompletionHandler<String> waitAgain(String[] parts) {
        int waits = parts.length > 2 ? Integer.parseInt(parts[2]) : 0;
        Duration delay = FIRST_WAIT.multipliedBy(1L << Math.min(waits, 16));
        return new CompletionHandler.OnCompleteReschedule<>(FixedDelay.of(delay.compareTo(LONGEST_WAIT) < 0 ? delay : LONGEST_WAIT),
                VersionTasks.id(AssetId.parse(parts[0]), Integer.parseInt(parts[1])) + "/" + (waits + 1));
    }

    /** In the uploading transaction: the version and its job commit together. */
    @EventListener
    void on(AssetVersionAdded event) {
        if (properties.enabled()) {
            String id = VersionTasks.id(event.assetId(), event.version());
            scheduler.scheduleIfNotExists(externalTaggerTask().instance(id, id), Instant.now(clock));
        }
    }
}
