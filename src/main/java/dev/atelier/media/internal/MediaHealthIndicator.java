package dev.atelier.media.internal;

import java.util.Map;
import java.util.TreeSet;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code /actuator/health/media}: which engine makes previews, for which types, and how its workers fare. */
@Component("media")
class MediaHealthIndicator implements HealthIndicator {

    private final MediaWorkerPool workers;

    MediaHealthIndicator(MediaWorkerPool workers) {
        this.workers = workers;
    }

    @Override
    public Health health() {
        return Health.up()
                .withDetail("engines", Map.of("java-imageio", Map.of("formats", new TreeSet<>(JavaImageEngine.TYPES),
                        "isolation", "worker processes")))
                .withDetail("workers", Map.of("size", workers.size(), "running", workers.running(),
                        "replaced", workers.replacedWorkers()))
                .build();
    }
}
