package dev.atelier.media.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetManagement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * After start-up, gives every version a rendition job that should have one: renditions left
 * pending without a job (from before renditions were jobs), and versions whose type got no
 * preview then but does now (libvips or ffmpeg installed since, a newer Atelier). Runs once per
 * start, in the background, for at most {@link #BATCH} versions.
 */
@Component
class RenditionSweep {

    static final int BATCH = 2000;

    private static final Logger log = LoggerFactory.getLogger(RenditionSweep.class);

    private final JdbcClient jdbc;
    private final AssetManagement assets;
    private final MediaWorkerPool workers;
    private final RenditionGenerator generator;
    private final RenditionJobs jobs;
    private final SchedulerClient scheduler;
    private final Clock clock;

    RenditionSweep(JdbcClient jdbc, AssetManagement assets, MediaWorkerPool workers, RenditionGenerator generator, RenditionJobs jobs,
            SchedulerClient scheduler, Clock clock) {
        this.jdbc = jdbc;
        this.assets = assets;
        this.workers = workers;
        this.generator = generator;
        this.jobs = jobs;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void afterStart() {
        Thread.ofVirtual().name("rendition-sweep").start(this::sweep);
    }

    /** @return how many versions got a job */
    int sweep() {
        try {
            Set<String> previewable = workers.capabilities().types();
            if (previewable.isEmpty()) {
                return 0;
            }
            List<Object[]> candidates = jdbc.sql("""
                    SELECT asset_id, version_number FROM renditions
                    GROUP BY asset_id, version_number
                    HAVING SUM(CASE WHEN status = 'PENDING' THEN 1 ELSE 0 END) > 0
                        OR SUM(CASE WHEN status = 'UNSUPPORTED' THEN 1 ELSE 0 END) = COUNT(*)
                    FETCH FIRST %d ROWS ONLY""".formatted(BATCH))
                    .query((rs, row) -> new Object[] {rs.getObject("asset_id", UUID.class), rs.getInt("version_number")}).list();
            int scheduled = 0;
            for (Object[] candidate : candidates) {
                AssetId asset = new AssetId((UUID) candidate[0]);
                int number = (Integer) candidate[1];
                var version = assets.deliverableVersion(asset, Optional.of(number));
                if (version.isEmpty() || !previewable.contains(version.get().mediaType())) {
                    continue;
                }
                RenderJob job = new RenderJob(asset, number, version.get().blobKey(), version.get().mediaType());
                if (scheduler.getScheduledExecution(TaskInstanceId.of(RenditionJobs.TASK, job.id())).isPresent()) {
                    continue;
                }
                generator.markPending(job);
                scheduler.scheduleIfNotExists(jobs.renderVersionTask().instance(job.id(), job.encode()), Instant.now(clock));
                scheduled++;
            }
            if (scheduled > 0) {
                log.info("scheduled renditions for {} version(s) left pending or now previewable", scheduled);
            }
            return scheduled;
        } catch (RuntimeException e) {
            log.warn("the rendition sweep failed; versions stay as they are until the next start", e);
            return 0;
        }
    }
}
