package dev.atelier.metadata.internal;

import dev.atelier.metadata.MetadataProperties;
import dev.atelier.shared.process.BoundedProcess;
import dev.atelier.storage.BlobContent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Writes Atelier's current metadata as XMP with exiftool (bounded, never in the server's JVM):
 * into a copy of the original for formats that carry XMP well, or into a new {@code .xmp}
 * sidecar. The original blob is never touched.
 */
@Component
public class XmpWriter {

    /** Formats whose files get the XMP embedded; everything else gets a sidecar. */
    public static final Map<String, String> EMBEDDABLE = Map.of("image/jpeg", "jpg", "image/png", "png", "image/tiff", "tif",
            "application/pdf", "pdf");
    private static final Set<String> LIST_TAGS = Set.of("XMP-dc:Subject", "XMP-dc:Creator");

    private final MetadataProperties properties;

    XmpWriter(MetadataProperties properties) {
        this.properties = properties;
    }

    public boolean available() {
        return BoundedProcess.installed(properties.exiftool());
    }

    /**
     * A copy of the original with the tags written into its XMP, in {@code work}. exiftool picks
     * the writer by file name, and blobs have none: it reads the blob through a link named with
     * the type's extension (or a copy, for stores without local files).
     */
    public Path embed(BlobContent original, String mediaType, Map<String, List<String>> tags, Path work) throws IOException {
        String extension = EMBEDDABLE.get(mediaType);
        Path source = work.resolve("original." + extension);
        if (original.file().isPresent()) {
            Files.createSymbolicLink(source, original.file().get().toAbsolutePath());
        } else {
            try (var in = original.open()) {
                Files.copy(in, source, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Path out = work.resolve("with-metadata." + extension);
        run(tags, out, source);
        return out;
    }

    /** A new XMP sidecar holding the tags, in {@code work}. */
    public Path sidecar(Map<String, List<String>> tags, Path work) throws IOException {
        Path out = work.resolve("metadata.xmp");
        run(tags, out, null);
        return out;
    }

    private void run(Map<String, List<String>> tags, Path out, Path source) throws IOException {
        List<String> command = new ArrayList<>(List.of(properties.exiftool(), "-q", "-m", "-charset", "utf8", "-o", out.toString()));
        tags.forEach((tag, values) -> {
            if (LIST_TAGS.contains(tag)) {
                command.add("-" + tag + "=");
                values.forEach(v -> command.add("-" + tag + "+=" + v));
            } else {
                command.add("-" + tag + "=" + String.join(" ", values));
            }
        });
        if (source != null) {
            command.add(source.toString());
        }
        var result = BoundedProcess.run(command, properties.timeout(), properties.memory(), DataSize.ofKilobytes(64));
        if (result.exitCode() != 0 || !Files.exists(out)) {
            throw new UnreadableMetadataException("exiftool could not write XMP (exit " + result.exitCode() + "): " + result.stderrTail());
        }
    }
}
