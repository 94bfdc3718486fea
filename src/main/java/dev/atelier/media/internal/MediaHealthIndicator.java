package dev.atelier.media.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health/media}: which engine makes previews, for which types, how its
 * workers fare, and whether faces are counted (and if not, why). The engines are asked of a
 * worker once (at start-up, see MediaConfiguration).
 */
@Component("media")
class MediaHealthIndicator implements HealthIndicator {

    private final MediaSystem system;

    MediaHealthIndicator(MediaSystem system) {
        this.system = system;
    }

    @Override
    public Health health() {
        MediaSystem.Status status = system.status();
        Map<String, Object> engines = new LinkedHashMap<>();
        // "formats" are the types an engine reads (kept for existing clients), "writes" what it can produce
        status.engines().forEach(engine -> engines.put(engine.name(), Map.of("formats", engine.types(), "writes", engine.formats(),
                "isolation", "worker processes")));
        // no engine means no worker could start: uploads still work, previews do not; say so, stay up
        return Health.up()
                .withDetail("engines", engines.isEmpty() ? Map.of("none", MediaWorkerPool.NOT_STARTED) : engines)
                .withDetail("workers", Map.of("size", status.workers(), "running", status.running(), "replaced", status.replaced(),
                        "jobs", status.jobs()))
                .withDetail("queue", Map.of("waiting", status.waiting(), "retrying", status.retrying()))
                // no face detector is not a fault: counts are unknown, everything else works
                .withDetail("faces", Map.of("available", status.faces().available(),
                        status.faces().available() ? "engine" : "reason", status.faces().detail()))
                .withDetail("sandbox", Map.of("confinement", status.sandbox().confinement(), "selfCheck", status.sandbox().selfCheck()))
                .build();
    }
}
