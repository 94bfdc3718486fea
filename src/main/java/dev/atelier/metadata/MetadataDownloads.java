package dev.atelier.metadata;

import dev.atelier.asset.Asset;
import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetManagement;
import dev.atelier.asset.AssetVersion;
import dev.atelier.identity.Actor;
import dev.atelier.metadata.internal.MetadataStore;
import dev.atelier.metadata.internal.XmpWriter;
import dev.atelier.shared.NotFoundException;
import dev.atelier.storage.BlobContent;
import dev.atelier.storage.BlobStore;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Service;

/**
 * Originals with Atelier's current metadata written into their XMP (JPEG, PNG, TIFF, PDF), or for
 * other formats a ZIP of the untouched original and an {@code .xmp} sidecar. Made in a temporary
 * directory per download, removed when the {@link Download} is closed; the stored blob never changes.
 */
@Service
public class MetadataDownloads {

    private final AssetManagement assets;
    private final MetadataStore metadata;
    private final BlobStore blobs;
    private final XmpWriter xmp;

    MetadataDownloads(AssetManagement assets, MetadataStore metadata, BlobStore blobs, XmpWriter xmp) {
        this.assets = assets;
        this.metadata = metadata;
        this.blobs = blobs;
        this.xmp = xmp;
    }

    /** A file to send, and the directory to delete once it has been sent. */
    public record Download(Path file, String filename, String mediaType, Path work) implements Closeable {
        @Override
        public void close() {
            try (var files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** @throws MetadataUnavailableException when exiftool is missing or fails */
    public Download withMetadata(Actor actor, AssetId id, Optional<Integer> number) {
        Asset asset = assets.get(actor, id);
        AssetVersion version = assets.download(actor, id, number);
        return build(work -> {
            BlobContent original = blobs.open(version.blobKey()).orElseThrow(() -> new NotFoundException("the content of version " + version.number()));
            if (XmpWriter.EMBEDDABLE.containsKey(version.mediaType())) {
                Path file = xmp.embed(original, version.mediaType(), tags(asset, version), work);
                return new Download(file, version.originalFilename(), version.mediaType(), work);
            }
            Path sidecar = xmp.sidecar(tags(asset, version), work);
            Path zip = work.resolve("package.zip");
            try (var out = new ZipOutputStream(Files.newOutputStream(zip)); var in = original.open()) {
                out.setLevel(Deflater.NO_COMPRESSION);
                out.putNextEntry(new ZipEntry(version.originalFilename()));
                in.transferTo(out);
                out.setLevel(Deflater.DEFAULT_COMPRESSION);
                out.putNextEntry(new ZipEntry(baseName(version.originalFilename()) + ".xmp"));
                Files.copy(sidecar, out);
            }
            return new Download(zip, baseName(version.originalFilename()) + ".zip", "application/zip", work);
        });
    }

    /** The XMP sidecar alone. */
    public Download sidecar(Actor actor, AssetId id, Optional<Integer> number) {
        Asset asset = assets.get(actor, id);
        AssetVersion version = assets.version(actor, id, number);
        return build(work -> new Download(xmp.sidecar(tags(asset, version), work), baseName(version.originalFilename()) + ".xmp",
                "application/rdf+xml", work));
    }

    private interface Step {
        Download in(Path work) throws IOException;
    }

    private Download build(Step step) {
        if (!xmp.available()) {
            throw new MetadataUnavailableException("exiftool is not installed on the server; download the original instead.");
        }
        Path work = null;
        try {
            work = Files.createTempDirectory("atelier-download-");
            return step.in(work);
        } catch (IOException e) {
            if (work != null) {
                new Download(work, "", "", work).close();
            }
            throw new MetadataUnavailableException("The metadata could not be written: " + e.getMessage());
        }
    }

    /** XMP Dublin Core and media management tags from the asset and what its file said. */
    private Map<String, List<String>> tags(Asset asset, AssetVersion version) {
        Map<String, List<String>> tags = new LinkedHashMap<>();
        tags.put("XMP-dc:Title", List.of(asset.title()));
        if (!asset.description().isBlank()) {
            tags.put("XMP-dc:Description", List.of(asset.description()));
        }
        metadata.find(asset.id(), version.number()).ifPresent(m -> {
            putIfAny(tags, "XMP-dc:Subject", m.values(VersionMetadata.Field.KEYWORDS));
            putIfAny(tags, "XMP-dc:Creator", m.values(VersionMetadata.Field.CREATOR));
            putIfAny(tags, "XMP-dc:Rights", m.values(VersionMetadata.Field.COPYRIGHT));
        });
        tags.put("XMP-xmpMM:DocumentID", List.of("urn:atelier:asset:" + asset.id()));
        tags.put("XMP-xmpMM:VersionID", List.of(String.valueOf(version.number())));
        return tags;
    }

    private static void putIfAny(Map<String, List<String>> tags, String tag, List<String> values) {
        if (!values.isEmpty()) {
            tags.put(tag, values);
        }
    }

    private static String baseName(String filename) {
        int dot = filename.lastIndexOf('.');
        return dot > 0 ? filename.substring(0, dot) : filename;
    }
}
