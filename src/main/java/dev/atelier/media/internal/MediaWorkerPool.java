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
 */
class MediaWorkerPool implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MediaWorkerPool.class);

    static final String NOT_STARTED = "the media workers could not be started";

    private final WorkerLauncher launcher;
    private final WorkerSlots slots;
    private final Deque<WorkerProcess> idle = new ConcurrentLinkedDeque<>();
    private final Duration timeout;
    private final long memoryLimit;
    private final int size;
    private final AtomicLong replaced = new AtomicLong();
    private final AtomicLong jobs = new AtomicLong();
    private volatile Capabilities capabilities;
    private volatile SandboxCheck.Outcome sandboxCheck;
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
        this.size = size;
        this.slots = new WorkerSlots(size);
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
        if (slotWait == null) {
            slots.acquire(urgency);
        } else {
            try {
                if (!slots.acquire(urgency, slotWait)) {
                    return RenderResponse.refused("unavailable", "all media workers are busy");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return RenderResponse.refused("unavailable", "interrupted while waiting for a media worker");
            }
        }
        try {
            return withWorker(request.input(), worker -> worker.call(request, jobTimeout, memoryLimit), jobTimeout,
                    problem -> RenderResponse.refused(problem.equals(NOT_STARTED) ? "unavailable" : "error", problem));
        } finally {
            slots.release(urgency);
        }
    }

    /** Analyses the pixels of the request's input ({@link PixelAnalyser}) on a worker, waiting for a free one. */
    AnalysisResponse analyse(AnalysisRequest request) {
        slots.acquire(Urgency.ENRICHMENT);
        try {
            return withWorker(request.render().input(), worker -> worker.analyse(request, timeout, memoryLimit), timeout,
                    problem -> AnalysisResponse.refused(problem.equals(NOT_STARTED) ? "unavailable" : "error", problem));
        } finally {
            slots.release(Urgency.ENRICHMENT);
        }
    }

    /**
     * Another job type than rendering, under the same slots, job timeout, memory limit and retry.
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
        slots.acquire(urgency);
        try {
            return withWorker(subject, worker -> worker.call(exchange, timeout, memoryLimit), timeout, failure);
        } finally {
            slots.release(urgency);
        }
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
            slots.acquire(Urgency.WAITED_FOR);
            try {
                known = withWorker("capabilities", worker -> worker.capabilities(timeout), timeout, problem -> null);
            } finally {
                slots.release(Urgency.WAITED_FOR);
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

    /** Runs the job on an idle or new worker; the caller holds a slot. */
    private <T> T withWorker(String subject, Job<T> job, Duration jobTimeout, Function<String, T> failure) {
        String problem = "";
        for (int attempt = 1; attempt <= 2; attempt++) {
            WorkerProcess worker;
            try {
                worker = idleOrNew();
            } catch (IOException e) {
                log.error("could not start a media worker with {}: {}", launcher.command().getFirst(), e.getMessage());
                return failure.apply(NOT_STARTED);
            }
            try {
                T response = job.run(worker);
                idle.push(worker);
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

    private WorkerProcess idleOrNew() throws IOException {
        for (WorkerProcess w; (w = idle.poll()) != null; ) {
            if (w.isAlive()) {
                return w;
            }
            replaced.incrementAndGet();
        }
        return new WorkerProcess(launcher.start());
    }

    int size() {
        return size;
    }

    int running() {
        return (int) idle.stream().filter(WorkerProcess::isAlive).count();
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
        for (WorkerProcess w; (w = idle.poll()) != null; ) {
            w.stop();
        }
    }
}
