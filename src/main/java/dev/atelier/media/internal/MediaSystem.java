package dev.atelier.media.internal;

import dev.atelier.media.FaceDetection;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** What the admin System page and the health check show of the media engines, workers and job queue. */
@Service
public class MediaSystem {

    public record Engine(String name, List<String> types, List<String> formats) {
    }

    /**
     * How workers are confined ({@code landlock ABI n: …}, or {@code none: <why>}) and what the
     * self-check found: {@code checked} once a worker ran it, {@code holds} when they are confined
     * and nothing got through.
     */
    public record Sandbox(String confinement, String selfCheck, boolean checked, boolean holds) {
    }

    /**
     * @param waiting rendition jobs not yet done; @param retrying those among them that failed at least once
     * @param faces whether pixel analyses count faces, or why not
     * @param sandbox how the workers are confined
     */
    public record Status(List<Engine> engines, int workers, int running, long replaced, long jobs, long waiting, long retrying,
            FaceDetection faces, Sandbox sandbox) {
    }

    private final MediaWorkerPool workers;
    private final JdbcClient jdbc;
    private final FaceDetections faces;

    MediaSystem(MediaWorkerPool workers, JdbcClient jdbc, FaceDetections faces) {
        this.workers = workers;
        this.jdbc = jdbc;
        this.faces = faces;
    }

    public Status status() {
        var capabilities = workers.capabilities();
        List<Engine> engines = capabilities.typesByEngine().entrySet().stream()
                .map(e -> new Engine(e.getKey(), e.getValue(), capabilities.formatsByEngine().getOrDefault(e.getKey(), List.of())))
                .toList();
        Map<String, Object> queue = jdbc.sql("""
                SELECT COUNT(*) AS waiting, COALESCE(SUM(CASE WHEN consecutive_failures > 0 THEN 1 ELSE 0 END), 0) AS retrying
                FROM scheduled_tasks WHERE task_name = ?""").param(RenditionJobs.TASK).query().singleRow();
        var check = workers.sandboxCheck();
        return new Status(engines, workers.size() + workers.enrichmentSize(), workers.running(), workers.replacedWorkers(), workers.jobs(),
                ((Number) queue.get("waiting")).longValue(), ((Number) queue.get("retrying")).longValue(), faces.status(),
                new Sandbox(capabilities.sandbox(), check.summary(), check.verdict() != SandboxCheck.Verdict.NOT_RUN,
                        check.verdict() == SandboxCheck.Verdict.HOLDS));
    }
}
