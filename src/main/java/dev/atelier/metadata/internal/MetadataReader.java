package dev.atelier.metadata.internal;

import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetManagement;
import dev.atelier.asset.AssetVersion;
import dev.atelier.metadata.MetadataExtracted;
import dev.atelier.metadata.VersionMetadata;
import dev.atelier.metadata.VersionMetadata.Status;
import dev.atelier.storage.BlobContent;
import dev.atelier.storage.BlobStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads one version's metadata: the file from the blob store, exiftool outside any transaction, then one write. */
@Component
class MetadataReader {

    private static final Logger log = LoggerFactory.getLogger(MetadataReader.class);

    private final AssetManagement assets;
    private final BlobStore blobs;
    private final ExifTool exifTool;
    private final MetadataStore store;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    MetadataReader(AssetManagement assets, BlobStore blobs, ExifTool exifTool, MetadataStore store, ApplicationEventPublisher events,
            TransactionTemplate transaction, Clock clock) {
        this.assets = assets;
        this.blobs = blobs;
        this.exifTool = exifTool;
        this.store = store;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    void read(AssetId id, int number) {
        Optional<AssetVersion> version = assets.find(id).flatMap(a -> a.version(number));
        if (version.isEmpty()) {
            return;
        }
        VersionMetadata result = extract(id, number, version.get());
        transaction.executeWithoutResult(status -> {
            store.save(result);
            events.publishEvent(new MetadataExtracted(id, number));
        });
    }

    /** Records that reading this version's metadata failed for good. */
    void giveUp(AssetId id, int number, String reason) {
        transaction.executeWithoutResult(status -> {
            store.save(new VersionMetadata(id, number, Status.FAILED, Optional.of(reason), Map.of(), Map.of(), Instant.now(clock)));
            events.publishEvent(new MetadataExtracted(id, number));
        });
    }

    private VersionMetadata extract(AssetId id, int number, AssetVersion version) {
        Instant now = Instant.now(clock);
        if (!exifTool.installed()) {
            return new VersionMetadata(id, number, Status.UNAVAILABLE, Optional.of("exiftool is not installed on the server"), Map.of(), Map.of(), now);
        }
        BlobContent content = blobs.open(version.blobKey()).orElseThrow(() -> new IllegalStateException("blob " + version.blobKey() + " is missing"));
        try {
            Map<String, String> tags = withFile(content);
            return new VersionMetadata(id, number, Status.READ, Optional.empty(), MetadataFields.of(tags), tags, now);
        } catch (UnreadableMetadataException | dev.atelier.shared.process.BoundedProcess.TimedOutException e) {
            log.warn("No metadata for {} v{}: {}", id, number, e.getMessage());
            return new VersionMetadata(id, number, Status.FAILED, Optional.of(e.getMessage()), Map.of(), Map.of(), now);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The blob's own file, or a temporary copy for stores without local files. */
    private Map<String, String> withFile(BlobContent content) throws IOException {
        if (content.file().isPresent()) {
            return exifTool.read(content.file().get());
        }
        Path copy = Files.createTempFile("atelier-metadata-", ".bin");
        try (var in = content.open()) {
            Files.copy(in, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return exifTool.read(copy);
        } finally {
            Files.deleteIfExists(copy);
        }
    }
}
