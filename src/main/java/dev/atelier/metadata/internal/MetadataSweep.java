package dev.atelier.metadata.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import dev.atelier.asset.AssetId;
import dev.atelier.media.PixelAnalysisManagement;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * After start-up, gives the current version of every asset the metadata, pixel-analysis and
 * text jobs it never had: libraries from before a kind of extraction existed get it without an
 * admin doing anything. Runs once per start, in the background, for at most {@link #BATCH}
 * versions per kind; the next start takes the next batch. A version with a job already
 * scheduled is left alone. Versions whose faces were never counted are analysed again once a
 * face detector is installed.
 */
@Component
class MetadataSweep {

    static final int BATCH = 2000;
    /** The job of each kind, by the table that holds its results. */
    /** A job kind: the table its results go to, its task and the priority its jobs are scheduled with. */
    private record Kind(String table, String task, int priority) {}

    private static final List<Kind> TASKS = List.of(new Kind("version_metadata", MetadataJobs.TASK, MetadataJobs.PRIORITY),
            new Kind("image_analysis", ImageAnalysisJobs.TASK, ImageAnalysisJobs.PRIORITY),
            new Kind("version_text", MetadataJobs.TEXT_TASK, MetadataJobs.TEXT_PRIORITY));

    private static final Logger log = LoggerFactory.getLogger(MetadataSweep.class);

    private final JdbcClient jdbc;
    private final SchedulerClient scheduler;
    private final Clock clock;
    private final PixelAnalysisManagement pixels;

    MetadataSweep(JdbcClient jdbc, @Lazy SchedulerClient scheduler, Clock clock, PixelAnalysisManagement pixels) {
        this.jdbc = jdbc;
        this.scheduler = scheduler;
        this.clock = clock;
        this.pixels = pixels;
    }

    @EventListener(ApplicationReadyEvent.class)
    void afterStart() {
        Thread.ofVirtual().name("metadata-sweep").start(this::sweep);
    }

    /** @return how many jobs were scheduled */
    int sweep() {
        int scheduled = 0;
        try {
            for (Kind kind : TASKS) {
                scheduled += sweep(kind.table(), TaskDescriptor.of(kind.task(), String.class), kind.priority());
            }
            scheduled += sweepFaces();
            if (scheduled > 0) {
                log.info("Scheduled {} metadata, analysis and text jobs for versions that never had one", scheduled);
            }
        } catch (RuntimeException e) {
            log.warn("Metadata sweep failed; the next start tries again", e);
        }
        return scheduled;
    }

    private int sweep(String table, TaskDescriptor<String> task, int priority) {
        return schedule(task, priority, versions("""
                SELECT a.id, a.current_version FROM assets a
                WHERE a.status = 'ACTIVE' AND NOT EXISTS (SELECT 1 FROM %s r WHERE r.asset_id = a.id AND r.version = a.current_version)
                FETCH FIRST %d ROWS ONLY""".formatted(table, BATCH)));
    }

    /**
     * Analysed versions whose faces were never counted (analysed before faces were, or while no
     * detector was installed) are analysed again once the media workers can count faces.
     */
    private int sweepFaces() {
        List<String> uncounted = versions("""
                SELECT a.id, a.current_version FROM assets a JOIN image_analysis r ON r.asset_id = a.id AND r.version = a.current_version
                WHERE a.status = 'ACTIVE' AND r.status = 'ANALYSED' AND (r.faces_status IS NULL OR r.faces_status = 'UNAVAILABLE')
                FETCH FIRST %d ROWS ONLY""".formatted(BATCH));
        // asking whether faces can be counted starts a worker: only when some version waits for it
        if (uncounted.isEmpty() || !pixels.faceDetection().available()) {
            return 0;
        }
        return schedule(TaskDescriptor.of(ImageAnalysisJobs.TASK, String.class), ImageAnalysisJobs.PRIORITY, uncounted);
    }

    private List<String> versions(String query) {
        return jdbc.sql(query).query((rs, n) -> VersionTasks.id(new AssetId(rs.getObject(1, UUID.class)), rs.getInt(2))).list();
    }

    /** @param priority as the task's own jobs have it: an instance built here does not take the task's default */
    private int schedule(TaskDescriptor<String> task, int priority, List<String> missing) {
        int scheduled = 0;
        for (String id : missing) {
            if (scheduler.scheduleIfNotExists(task.instance(id).data(id).priority(priority).scheduledTo(clock.instant()))) {
                scheduled++;
            }
        }
        return scheduled;
    }
}
