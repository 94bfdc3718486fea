package dev.atelier.media.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health/media}: which engine makes previews, for which types, and how its
 * workers fare. The engines are asked of a worker once (at start-up, see MediaConfiguration).
 */
@Component("media")
class MediaHealthIndicator implements HealthIndicator {

    private final MediaWorkerPool workers;

    MediaHealthIndicator(MediaWorkerPool workers) {
        this.workers = workers;
    }

    @Override
    public Health health() {
        Map<String, Object> engines = new LinkedHashMap<>();
        workers.capabilities().typesByEngine().forEach((engine, types) ->
                engines.put(engine, Map.of("formats", types, "isolation", "worker processes")));
        // no engine means no worker could start: uploads still work, previews do not; say so, stay up
        return Health.up()
                .withDetail("engines", engines.isEmpty() ? Map.of("none", "the media workers could not be started") : engines)
                .withDetail("workers", Map.of("size", workers.size(), "running", workers.running(),
                        "replaced", workers.replacedWorkers(), "jobs", workers.jobs()))
                .build();
    }
}
