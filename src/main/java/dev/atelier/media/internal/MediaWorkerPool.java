package dev.atelier.media.internal;

import dev.atelier.media.MediaProperties;
import dev.atelier.media.internal.WorkerProcess.WorkerDiedException;
import dev.atelier.media.internal.WorkerProtocol.Capabilities;
import dev.atelier.media.internal.WorkerProtocol.RenderRequest;
import dev.atelier.media.internal.WorkerProtocol.RenderResponse;
import dev.atelier.media.internal.WorkerSlots.Urgency;
import java.io.IOException;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Supervises the media worker processes. Workers start on first use and are reused; one that
 * dies, breaks the protocol or exceeds the job timeout is killed and replaced, and its job is
 * tried once more on a fresh worker before it fails with a reason. The server's JVM never
 * decodes a file itself.
 *
 * <p>Two crews: {@code size} workers for renditions (what someone waits for, then the previews of
 * new versions), and half as many (at least one) for enrichment (pixel analysis with the face
 * count, OCR page renders, document text), started at {@code nice 10}. A large import's previews
 * then never wait for a worker busy with a face count, and take the CPU first; the enrichment
 * uses what they leave.
 */
class MediaWorkerPool implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MediaWorkerPool.class);

    static final String NOT_STARTED = "the media workers could not be started";

    private final WorkerLauncher launcher;
    private final Crew renditions;
    private final Crew enrichment;
    private final Duration timeout;
    private final long memoryLimit;
    private final AtomicLong replaced = new AtomicLong();
    private final AtomicLong jobs = new AtomicLong();
    private volatile Capabilities capabilities;
    private volatile SandboxCheck.Outcome sandboxCheck;
    /** Set by {@link #destroy}: workers that finish a job afterwards are stopped instead of kept idle. */
    private volatile boolean closed;
    private volatile long lastFailedProbe = System.nanoTime() - PROBE_BACKOFF_NANOS;
    private static final long PROBE_BACKOFF_NANOS = Duration.ofSeconds(30).toNanos();

    MediaWorkerPool(MediaProperties properties) {
        this(new WorkerLauncher(properties.workerHeap(), properties.libvips(), properties.workerJava(),
                properties.workRoot() == null ? WorkRoot.temporary() : WorkRoot.at(properties.workRoot()), properties.confine()),
                properties.workerCount(), properties.jobTimeout(), properties.workerMemory().toBytes());
    }

    MediaWorkerPool(WorkerLauncher launcher, int size, Duration timeout) {
        this(launcher, size, timeout, Long.MAX_VALUE);
    }

    /** @param memoryLimit resident bytes a worker may reach (heap, native decoders and all) before it is killed */
    MediaWorkerPool(WorkerLauncher launcher, int size, Duration timeout, long memoryLimit) {
        this.launcher = launcher;
        this.renditions = new Crew(size, false);
        this.enrichment = new Crew(Math.max(1, size / 2), true);
        this.timeout = timeout;
        this.memoryLimit = memoryLimit;
    }

    /** Renders like the previews of a new version. */
    RenderResponse render(RenderRequest request) {
        return render(request, timeout);
    }

    /** Renders for enrichment (OCR pages), after previews and anything someone waits for. */
    RenderResponse renderForEnrichment(RenderRequest request) {
        return render(request, timeout, Urgency.ENRICHMENT, null);
    }

    /** Renders the previews of a new version, ahead of enrichment. */
    RenderResponse render(RenderRequest request, Duration jobTimeout) {
        return render(request, jobTimeout, Urgency.PREVIEWS, null);
    }

    /**
     * Renders what someone waits for, ahead of everything else.
     *
     * @param slotWait how long to wait for a free worker; a request someone is waiting for must
     *     not queue behind long video jobs: it gets {@code unavailable}
     */
    RenderResponse render(RenderRequest request, Duration jobTimeout, Duration slotWait) {
        return render(request, jobTimeout, Urgency.WAITED_FOR, slotWait);
    }

    private RenderResponse render(RenderRequest request, Duration jobTimeout, Urgency urgency, Duration slotWait) {
        jobs.incrementAndGet();
        Crew crew = crew(urgency);
        if (slotWait == null) {
            crew.slots.acquire(urgency);
        } else {
            try {
                if (!crew.slots.acquire(urgency, slotWait)) {
                    return RenderResponse.refused("unavailable", "all media workers are busy");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return RenderResponse.refused("unavailable", "interrupted while waiting for a media worker");
            }
        }
        try {
            return withWorker(crew, request.input(), worker -> worker.call(request, jobTimeout, memoryLimit), jobTimeout,
                    problem -> RenderResponse.refused(problem.equals(NOT_STARTED) ? "unavailable" : "error", problem));
        } finally {
            crew.slots.release();
        }
    }

    /** Analyses the pixels of the request's input ({@link PixelAnalyser}) on a worker, waiting for a free one. */
    AnalysisResponse analyse(AnalysisRequest request) {
        enrichment.slots.acquire(Urgency.ENRICHMENT);
        try {
            return withWorker(enrichment, request.render().input(), worker -> worker.analyse(request, timeout, memoryLimit), timeout,
                    problem -> AnalysisResponse.refused(problem.equals(NOT_STARTED) ? "unavailable" : "error", problem));
        } finally {
            enrichment.slots.release();
        }
    }

    /**
     * Another job type than rendering (document text), on the enrichment workers, under the same job timeout, memory limit
     * and retry.
     *
     * @param failure the answer when no worker could finish it, from the problem ({@link #NOT_STARTED} or why)
     */
    <T> T call(String subject, WorkerProcess.Exchange<T> exchange, Function<String, T> failure) {
        jobs.incrementAndGet();
        return exchange(subject, exchange, failure, Urgency.ENRICHMENT);
    }

    /** Like {@link #call}, for a diagnostic ({@link SandboxCheck}) that is no job of the server's; ahead of jobs. */
    <T> T diagnose(String subject, WorkerProcess.Exchange<T> exchange, Function<String, T> failure) {
        return exchange(subject, exchange, failure, Urgency.WAITED_FOR);
    }

    private <T> T exchange(String subject, WorkerProcess.Exchange<T> exchange, Function<String, T> failure, Urgency urgency) {
        Crew crew = crew(urgency);
        crew.slots.acquire(urgency);
        try {
            return withWorker(crew, subject, worker -> worker.call(exchange, timeout, memoryLimit), timeout, failure);
        } finally {
            crew.slots.release();
        }
    }

    private Crew crew(Urgency urgency) {
        return urgency == Urgency.ENRICHMENT ? enrichment : renditions;
    }

    /**
     * The engines the workers have and the types each takes, asked of a worker once; empty
     * (nothing previewable) when no worker can be started.
     */
    Capabilities capabilities() {
        Capabilities known = capabilities;
        if (known == null) {
            // workers that cannot start are not tried again on every request, only every half minute
            if (System.nanoTime() - lastFailedProbe < PROBE_BACKOFF_NANOS) {
                return Capabilities.none();
            }
            renditions.slots.acquire(Urgency.WAITED_FOR);
            try {
                known = withWorker(renditions, "capabilities", worker -> worker.capabilities(timeout), timeout, problem -> null);
            } finally {
                renditions.slots.release();
            }
            if (known == null) {
                lastFailedProbe = System.nanoTime();
                return Capabilities.none();
            }
            capabilities = known;
        }
        return known;
    }

    /**
     * The sandbox self-check ({@link SandboxCheck}), run on a worker once; not run while no worker
     * can start.
     */
    SandboxCheck.Outcome sandboxCheck() {
        SandboxCheck.Outcome known = sandboxCheck;
        if (known == null) {
            Capabilities workers = capabilities();
            if (workers.typesByEngine().isEmpty()) {
                return SandboxCheck.Outcome.NOT_RUN;
            }
            known = SandboxCheck.run(this, launcher.workRoot(), workers.sandbox());
            if (known.verdict() != SandboxCheck.Verdict.NOT_RUN) {
                sandboxCheck = known;
                switch (known.verdict()) {
                    case BREACHED -> log.error("media worker sandbox ({}): self-check {}", workers.sandbox(), known.summary());
                    case UNCONFINED -> log.warn("media workers run unconfined ({})", workers.sandbox());
                    default -> log.info("media workers: {}; self-check {}", workers.sandbox(), known.summary());
                }
            }
        }
        return known;
    }

    /** A new job's files in the workers' work root: the only place a worker can read its input and write its outputs. */
    JobFiles jobFiles(String kind) throws IOException {
        return JobFiles.create(launcher.workRoot(), kind);
    }

    /** Runs the job on an idle or new worker of the crew; the caller holds one of its slots. */
    private <T> T withWorker(Crew crew, String subject, Job<T> job, Duration jobTimeout, Function<String, T> failure) {
        String problem = "";
        for (int attempt = 1; attempt <= 2; attempt++) {
            WorkerProcess worker;
            try {
                worker = idleOrNew(crew);
            } catch (IOException e) {
                log.error("could not start a media worker with {}: {}", launcher.command().getFirst(), e.getMessage());
                return failure.apply(NOT_STARTED);
            }
            try {
                T response = job.run(worker);
                crew.idle.push(worker);
                if (closed) {
                    // a job that outlived the shutdown: its worker goes too, not into the emptied idle list
                    stopIdle(crew);
                }
                return response;
            } catch (WorkerDiedException e) {
                problem = e.getMessage().startsWith("used ") ? "the worker " + e.getMessage()
                        : "the decoder crashed (its worker " + e.getMessage() + ")";
            } catch (TimeoutException e) {
                problem = "processing took longer than " + jobTimeout.toSeconds() + " s";
            }
            log.warn("media worker {} replaced after attempt {} on {}: {}", worker.pid(), attempt, subject, problem);
            worker.kill();
            replaced.incrementAndGet();
        }
        return failure.apply(problem + ", twice");
    }

    private interface Job<T> {
        T run(WorkerProcess worker) throws WorkerDiedException, TimeoutException;
    }

    private WorkerProcess idleOrNew(Crew crew) throws IOException {
        for (WorkerProcess w; (w = crew.idle.poll()) != null; ) {
            if (w.isAlive()) {
                return w;
            }
            replaced.incrementAndGet();
        }
        return new WorkerProcess(launcher.start(crew.niced));
    }

    /** Rendition workers; the enrichment workers come on top ({@link #enrichmentSize()}). */
    int size() {
        return renditions.size;
    }

    int enrichmentSize() {
        return enrichment.size;
    }

    /** Idle workers of both crews that are alive. */
    int running() {
        return (int) (renditions.idle.stream().filter(WorkerProcess::isAlive).count()
                + enrichment.idle.stream().filter(WorkerProcess::isAlive).count());
    }

    /** Render jobs asked of the pool since start. */
    long jobs() {
        return jobs.get();
    }

    /** Workers killed and replaced since start: crashes, hangs and protocol breaks. */
    long replacedWorkers() {
        return replaced.get();
    }

    @Override
    public void destroy() {
        closed = true;
        for (Crew crew : List.of(renditions, enrichment)) {
            stopIdle(crew);
        }
    }

    private static void stopIdle(Crew crew) {
        for (WorkerProcess w; (w = crew.idle.poll()) != null; ) {
            w.stop();
        }
    }

    /** Workers of one kind: their places, handed out by urgency, and those idle now. */
    private static final class Crew {

        final int size;
        final boolean niced;
        final WorkerSlots slots;
        final Deque<WorkerProcess> idle = new ConcurrentLinkedDeque<>();

        Crew(int size, boolean niced) {
            this.size = size;
            this.niced = niced;
            this.slots = new WorkerSlots(size);
        }
    }
}
