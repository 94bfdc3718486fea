package dev.atelier.metadata.internal;

import dev.atelier.metadata.MetadataProperties;
import dev.atelier.shared.process.BoundedProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads every tag of one file with {@code exiftool} in a bounded subprocess (never in the server's
 * JVM): time and address-space limits, stdin closed, output capped. Tags come back as
 * {@code Group:Tag → text}; binary blocks and very long values are left out.
 */
@Component
class ExifTool {

    static final int MAX_TAGS = 1_000;
    static final int MAX_VALUE = 2_000;
    /** All kept values together, so a version's row stays well inside its column. */
    static final int MAX_TOTAL = 400_000;
    private static final DataSize MAX_OUTPUT = DataSize.ofMegabytes(4);

    private final MetadataProperties properties;
    private final JsonMapper json;

    ExifTool(MetadataProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
    }

    boolean installed() {
        return BoundedProcess.installed(properties.exiftool());
    }

    /** @throws UnreadableMetadataException when exiftool fails or reports an error for the file */
    Map<String, String> read(Path file) throws IOException {
        var result = BoundedProcess.run(List.of(properties.exiftool(), "-json", "-G1", "-struct", "-c", "%+.6f",
                "-api", "largefilesupport=1", "-fast", file.toAbsolutePath().toString()), properties.timeout(), properties.memory(), MAX_OUTPUT);
        if (result.truncated()) {
            throw new UnreadableMetadataException("exiftool printed more than " + MAX_OUTPUT.toMegabytes() + " MB of metadata");
        }
        JsonNode first = parse(result.stdoutText());
        if (first == null) {
            throw new UnreadableMetadataException("exiftool could not read the file (exit " + result.exitCode() + "): " + result.stderrTail());
        }
        Map<String, String> tags = new LinkedHashMap<>();
        int total = 0;
        for (var entry : first.properties()) {
            String text = text(entry.getValue());
            if (tags.size() >= MAX_TAGS || total + text.length() + entry.getKey().length() > MAX_TOTAL) {
                break;
            }
            if (!entry.getKey().equals("SourceFile") && !entry.getKey().startsWith("System:") && !text.startsWith("(Binary data ")
                    && text.length() <= MAX_VALUE) {
                tags.put(entry.getKey(), text);
                total += text.length() + entry.getKey().length();
            }
        }
        if (tags.containsKey("ExifTool:Error")) {
            throw new UnreadableMetadataException(tags.get("ExifTool:Error"));
        }
        return tags;
    }

    private JsonNode parse(String output) {
        try {
            JsonNode array = json.readTree(output);
            return array.isArray() && !array.isEmpty() ? array.get(0) : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** Lists become lines, structures stay JSON, everything else its text. */
    private static String text(JsonNode value) {
        if (value.isArray()) {
            var lines = new StringBuilder();
            value.forEach(v -> lines.append(lines.isEmpty() ? "" : "\n").append(v.isValueNode() ? v.asString() : v.toString()));
            return lines.toString();
        }
        return value.isValueNode() ? value.asString() : value.toString();
    }
}
