package dev.atelier.media.internal;

import dev.atelier.media.MediaProperties;
import dev.atelier.media.Rendition;
import dev.atelier.media.RenditionKind;
import dev.atelier.media.RenditionStatus;
import dev.atelier.media.internal.WorkerProtocol.Output;
import dev.atelier.media.internal.WorkerProtocol.RenderRequest;
import dev.atelier.media.internal.WorkerProtocol.RenderResponse;
import dev.atelier.media.internal.WorkerProtocol.Target;
import dev.atelier.storage.BlobContent;
import dev.atelier.storage.BlobKey;
import dev.atelier.storage.BlobStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes the thumbnail and preview of one version in a media worker process (which decodes once
 * and derives both), commits each to the blob store and only then records it ready. Runs as a
 * durable job (see {@link RenditionJobs}); idempotent, so a job run twice costs one query.
 */
@Component
class RenditionGenerator {

    private static final Logger log = LoggerFactory.getLogger(RenditionGenerator.class);

    private final Renditions renditions;
    private final MediaFacts facts;
    private final BlobStore blobs;
    private final MediaWorkerPool workers;
    private final MediaProperties properties;
    private final Clock clock;

    RenditionGenerator(Renditions renditions, MediaFacts facts, BlobStore blobs, MediaWorkerPool workers, MediaProperties properties,
            Clock clock) {
        this.renditions = renditions;
        this.facts = facts;
        this.blobs = blobs;
        this.workers = workers;
        this.properties = properties;
        this.clock = clock;
    }

    /** Marks every rendition of a new version pending, so the UI says "Processing…" from the first moment. */
    void markPending(RenderJob job) {
        markAll(job, RenditionStatus.PENDING, null);
    }

    /**
     * Renders the job's version and records the outcome: ready, unsupported, or failed for a
     * reason that trying again would not change (a damaged file, a decoder crash, a limit).
     *
     * @throws TransientRenditionFailure when the workers or the blob store are unavailable: the
     *     job is tried again later
     */
    void generate(RenderJob job) {
        var existing = renditions.findAll(job.asset(), job.version());
        if (existing.size() == RenditionKind.forType(job.mediaType()).size()
                && existing.stream().noneMatch(r -> r.status() == RenditionStatus.PENDING)) {
            return;
        }
        if (!workers.capabilities().types().contains(job.mediaType())) {
            if (workers.capabilities().typesByEngine().isEmpty()) {
                throw new TransientRenditionFailure(MediaWorkerPool.NOT_STARTED);
            }
            markAll(job, RenditionStatus.UNSUPPORTED, "no preview for this type (" + job.mediaType() + ")");
            return;
        }
        try {
            render(job);
        } catch (IOException | RuntimeException e) {
            if (e instanceof TransientRenditionFailure failure) {
                throw failure;
            }
            log.warn("rendition of {} v{} could not be stored", job.asset(), job.version(), e);
            throw new TransientRenditionFailure("the rendition could not be stored (" + e.getClass().getSimpleName() + ")");
        }
    }

    private void render(RenderJob job) throws IOException {
        BlobContent original = blobs.open(job.blobKey()).orElseThrow(() -> new IOException("the original's blob is missing"));
        try (JobFiles files = workers.jobFiles("rendition")) {
            Path work = files.directory();
            Path input = files.input(original);
            List<Target> targets = RenditionKind.forType(job.mediaType()).stream().map(k -> target(k, job.mediaType())).toList();
            boolean timeBased = job.mediaType().startsWith("video/") || job.mediaType().startsWith("audio/");
            RenderResponse response = workers.render(RenderRequest.within(properties, input, job.mediaType(), work, targets),
                    timeBased ? properties.avJobTimeout() : properties.jobTimeout());
            record(job, response, files);
        }
    }

    /** What the worker is asked for each kind: images fit a square; the proxy fits 720 lines; the filmstrip is a row of frames. */
    private static Target target(RenditionKind kind, String mediaType) {
        return switch (kind) {
            case PROXY -> new Target(kind.slug(), 0, kind.maxEdge(), "inside", "center", mediaType.startsWith("video/") ? "mp4" : "m4a", 0);
            case FILMSTRIP -> new Target(kind.slug(), kind.maxEdge(), 0, "inside", "center", "jpeg", 0);
            // an animated GIF or WebP: the thumbnail is its first frame, the preview moves
            case PREVIEW -> new Target(kind.slug(), kind.maxEdge()).keepingAnimation();
            default -> new Target(kind.slug(), kind.maxEdge());
        };
    }

    private void record(RenderJob job, RenderResponse response, JobFiles files) throws IOException {
        facts.save(job.asset(), job.version(), response.facts());
        switch (response.outcome()) {
            case "ok" -> {
                for (Output output : response.outputs()) {
                    BlobKey stored = files.store(blobs, output.path());
                    renditions.save(new Rendition(job.asset(), job.version(), RenditionKind.fromSlug(output.name()), RenditionStatus.READY,
                            Optional.of(stored), Optional.of(WorkerProtocol.mediaTypeOf(output.path())), output.width(), output.height(),
                            Optional.empty(), now()));
                }
                // a kind the engine could not make for this file (a video without frames has no filmstrip)
                for (RenditionKind kind : RenditionKind.forType(job.mediaType())) {
                    if (response.outputs().stream().noneMatch(o -> o.name().equals(kind.slug()))) {
                        renditions.save(new Rendition(job.asset(), job.version(), kind, RenditionStatus.UNSUPPORTED, Optional.empty(),
                                Optional.empty(), 0, 0, Optional.of("not made for this file"), now()));
                    }
                }
            }
            case "unsupported" -> markAll(job, RenditionStatus.UNSUPPORTED, response.message());
            case "unavailable" -> throw new TransientRenditionFailure(response.message());
            default -> markAll(job, RenditionStatus.FAILED, response.message());
        }
    }

    /** Sets every rendition of the job's version to {@code status}, with a reason (none when null). */
    void markAll(RenderJob job, RenditionStatus status, String reason) {
        for (RenditionKind kind : RenditionKind.forType(job.mediaType())) {
            renditions.save(new Rendition(job.asset(), job.version(), kind, status, Optional.empty(), Optional.empty(), 0, 0,
                    Optional.ofNullable(reason), now()));
        }
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
