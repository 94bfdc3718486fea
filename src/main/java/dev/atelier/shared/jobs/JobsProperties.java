package dev.atelier.shared.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled whether this server runs jobs; off, it still schedules them for servers that do
 *     (a web-only node in a cluster)
 * @param threads jobs run at once (media renditions are further limited by the worker count)
 * @param pollingInterval how often due jobs are looked for; jobs scheduled on this server start sooner
 * @param heartbeatInterval how often running jobs prove they are alive; a job whose server missed
 *     four heartbeats is run again elsewhere
 */
@ConfigurationProperties("atelier.jobs")
public record JobsProperties(@DefaultValue("true") boolean enabled, @DefaultValue("4") int threads, @DefaultValue("1s") Duration pollingInterval,
        @DefaultValue("30s") Duration heartbeatInterval) {
}
