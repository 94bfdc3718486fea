package dev.atelier.media.internal;

import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetVersionAdded;
import dev.atelier.media.MediaProperties;
import dev.atelier.media.Rendition;
import dev.atelier.media.RenditionKind;
import dev.atelier.media.RenditionStatus;
import dev.atelier.storage.BlobContent;
import dev.atelier.storage.BlobKey;
import dev.atelier.storage.BlobStore;
import dev.atelier.storage.StagedBlob;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes the thumbnail and preview of one version: decodes once at preview size, derives both,
 * commits each to the blob store and only then records it ready. Idempotent: a version whose
 * renditions are ready is skipped, so a redelivered event costs one query.
 */
@Component
class RenditionGenerator {

    private static final Logger log = LoggerFactory.getLogger(RenditionGenerator.class);

    private final Renditions renditions;
    private final BlobStore blobs;
    private final JavaImageEngine engine;
    private final Clock clock;

    RenditionGenerator(Renditions renditions, BlobStore blobs, MediaProperties properties, Clock clock) {
        this.renditions = renditions;
        this.blobs = blobs;
        this.engine = new JavaImageEngine(properties.maxPixels(), properties.jpegQuality());
        this.clock = clock;
    }

    void generate(AssetVersionAdded event) {
        AssetId asset = event.assetId();
        int version = event.version();
        var existing = renditions.findAll(asset, version);
        if (existing.size() == RenditionKind.values().length && existing.stream().noneMatch(r -> r.status() == RenditionStatus.PENDING)) {
            return;
        }
        if (!engine.supports(event.mediaType())) {
            markAll(asset, version, RenditionStatus.UNSUPPORTED, "no preview for this type (" + event.mediaType() + ")");
            return;
        }
        for (RenditionKind kind : RenditionKind.values()) {
            renditions.save(Rendition.pending(asset, version, kind, now()));
        }
        try {
            render(asset, version, event.blobKey());
        } catch (ImageTooLargeException | UnreadableImageException e) {
            markAll(asset, version, RenditionStatus.FAILED, e.getMessage());
        } catch (IOException | RuntimeException | LinkageError | OutOfMemoryError | StackOverflowError e) {
            // a decoder bug must fail this rendition with a reason, never leave it pending forever
            log.error("rendition of {} v{} failed", asset, version, e);
            markAll(asset, version, RenditionStatus.FAILED, "the image could not be processed (" + e.getClass().getSimpleName() + ")");
        }
    }

    private void render(AssetId asset, int version, BlobKey key) throws IOException, ImageTooLargeException, UnreadableImageException {
        BlobContent original = blobs.open(key).orElseThrow(() -> new IOException("the original's blob is missing"));
        Path file = original.file().orElse(null);
        Path copy = null;
        try {
            if (file == null) {
                copy = Files.createTempFile("atelier-original-", ".bin");
                try (var in = original.open()) {
                    Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                }
                file = copy;
            }
            BufferedImage decoded = engine.decode(file, RenditionKind.PREVIEW.maxEdge());
            for (RenditionKind kind : new RenditionKind[] {RenditionKind.PREVIEW, RenditionKind.THUMBNAIL}) {
                BufferedImage fitted = engine.fit(decoded, kind.maxEdge());
                BlobKey stored = store(engine.encodeJpeg(fitted));
                renditions.save(new Rendition(asset, version, kind, RenditionStatus.READY, Optional.of(stored),
                        Optional.of("image/jpeg"), fitted.getWidth(), fitted.getHeight(), Optional.empty(), now()));
            }
        } finally {
            if (copy != null) {
                Files.deleteIfExists(copy);
            }
        }
    }

    private BlobKey store(byte[] jpeg) {
        try (StagedBlob staged = blobs.stage(new ByteArrayInputStream(jpeg), jpeg.length)) {
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
