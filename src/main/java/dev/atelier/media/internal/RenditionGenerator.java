package dev.atelier.media.internal;

import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetVersionAdded;
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
import dev.atelier.storage.StagedBlob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * Makes the thumbnail and preview of one version in a media worker process (which decodes once
 * and derives both), commits each to the blob store and only then records it ready.
 * Idempotent: a version whose renditions are settled is skipped, so a redelivered event costs
 * one query.
 */
@Component
class RenditionGenerator {

    private static final Logger log = LoggerFactory.getLogger(RenditionGenerator.class);

    private final Renditions renditions;
    private final BlobStore blobs;
    private final MediaWorkerPool workers;
    private final MediaProperties properties;
    private final Clock clock;

    RenditionGenerator(Renditions renditions, BlobStore blobs, MediaWorkerPool workers, MediaProperties properties, Clock clock) {
        this.renditions = renditions;
        this.blobs = blobs;
        this.workers = workers;
        this.properties = properties;
        this.clock = clock;
    }

    void generate(AssetVersionAdded event) {
        AssetId asset = event.assetId();
        int version = event.version();
        var existing = renditions.findAll(asset, version);
        if (existing.size() == RenditionKind.values().length && existing.stream().noneMatch(r -> r.status() == RenditionStatus.PENDING)) {
            return;
        }
        if (!workers.capabilities().types().contains(event.mediaType())) {
            markAll(asset, version, RenditionStatus.UNSUPPORTED, "no preview for this type (" + event.mediaType() + ")");
            return;
        }
        for (RenditionKind kind : RenditionKind.values()) {
            renditions.save(Rendition.pending(asset, version, kind, now()));
        }
        try {
            render(asset, version, event.blobKey(), event.mediaType());
        } catch (IOException | RuntimeException e) {
            // never leave a rendition pending forever: storage trouble here fails it with a reason
            log.error("rendition of {} v{} failed", asset, version, e);
            markAll(asset, version, RenditionStatus.FAILED, "the rendition could not be stored (" + e.getClass().getSimpleName() + ")");
        }
    }

    private void render(AssetId asset, int version, BlobKey key, String mediaType) throws IOException {
        BlobContent original = blobs.open(key).orElseThrow(() -> new IOException("the original's blob is missing"));
        Path work = Files.createTempDirectory("atelier-rendition-");
        try {
            Path input = original.file().orElse(null);
            if (input == null) {
                input = work.resolve("original");
                try (var in = original.open()) {
                    Files.copy(in, input, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            List<Target> targets = Arrays.stream(RenditionKind.values()).map(k -> new Target(k.slug(), k.maxEdge())).toList();
            RenderResponse response = workers.render(new RenderRequest(input.toString(), mediaType, work.toString(), targets,
                    properties.maxPixels(), properties.jpegQuality()));
            record(asset, version, response);
        } finally {
            FileSystemUtils.deleteRecursively(work);
        }
    }

    private void record(AssetId asset, int version, RenderResponse response) throws IOException {
        switch (response.outcome()) {
            case "ok" -> {
                for (Output output : response.outputs()) {
                    BlobKey stored = store(Path.of(output.path()));
                    renditions.save(new Rendition(asset, version, RenditionKind.fromSlug(output.name()), RenditionStatus.READY,
                            Optional.of(stored), Optional.of("image/jpeg"), output.width(), output.height(), Optional.empty(), now()));
                }
            }
            case "unsupported" -> markAll(asset, version, RenditionStatus.UNSUPPORTED, response.message());
            default -> markAll(asset, version, RenditionStatus.FAILED, response.message());
        }
    }

    private BlobKey store(Path file) throws IOException {
        try (var in = Files.newInputStream(file); StagedBlob staged = blobs.stage(in, Files.size(file))) {
            return staged.commit();
        }
    }

    private void markAll(AssetId asset, int version, RenditionStatus status, String reason) {
        for (RenditionKind kind : RenditionKind.values()) {
            renditions.save(new Rendition(asset, version, kind, status, Optional.empty(), Optional.empty(), 0, 0,
                    Optional.of(reason), now()));
        }
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
