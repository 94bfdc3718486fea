package dev.atelier.metadata.internal;

import dev.atelier.metadata.MetadataProperties;
import dev.atelier.shared.process.BoundedProcess;
import dev.atelier.shared.process.ResidentProcess;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads every tag of one file with {@code exiftool} in a subprocess (never in the server's JVM),
 * kept running between files ({@code -stay_open}, a {@link ResidentProcess}): starting Perl and
 * exiftool's modules costs ~0.15 CPU-s, reading a file's tags a few milliseconds. Bounded like a
 * one-off run: address space for the process's life, time per file (past it the process is
 * killed and the next file gets a fresh one), output capped; a process reads at most
 * {@link #RECYCLE_AFTER} files. One process per metadata job running at once. Tags come back as
 * {@code Group:Tag → text}; binary blocks and very long values are left out.
 */
@Component
class ExifTool implements DisposableBean {

    static final int MAX_TAGS = 1_000;
    static final int MAX_VALUE = 2_000;
    /** All kept values together, so a version's row stays well inside its column. */
    static final int MAX_TOTAL = 400_000;
    private static final DataSize MAX_OUTPUT = DataSize.ofMegabytes(4);
    static final int RECYCLE_AFTER = 500;
    /** Idle processes kept for the next files; more running at once are closed after their file. */
    private static final int KEEP_IDLE = 4;
    private static final List<String> OPTIONS = List.of("-json", "-G1", "-struct", "-c", "%+.6f", "-api", "largefilesupport=1", "-fast");

    private final MetadataProperties properties;
    private final JsonMapper json;
    private final Deque<ResidentProcess> idle = new ConcurrentLinkedDeque<>();
    /** exiftool prints "{readyN}" after each file for "-executeN"; N is random, so no file's tags can fake the end. */
    private final int sequence = 1 + new SecureRandom().nextInt(Integer.MAX_VALUE - 1);
    private volatile boolean closed;

    ExifTool(MetadataProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
    }

    boolean installed() {
        return BoundedProcess.installed(properties.exiftool());
    }

    /** @throws UnreadableMetadataException when exiftool fails or reports an error for the file */
    Map<String, String> read(Path file) throws IOException {
        String path = file.toAbsolutePath().toString();
        if (path.contains("\n") || path.contains("\r")) {
            throw new IllegalArgumentException("a path with a line break cannot be passed to exiftool: " + path);
        }
        ResidentProcess.Reply reply;
        ResidentProcess exiftool = take();
        try {
            reply = exiftool.ask(request(path), properties.timeout(), MAX_OUTPUT.toBytes());
        } catch (ResidentProcess.TooLongException e) {
            throw new UnreadableMetadataException("exiftool printed more than " + MAX_OUTPUT.toMegabytes() + " MB of metadata");
        } catch (BoundedProcess.TimedOutException | InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            // it died on this file (a crash, its memory limit): the file's fault, as a one-off run's exit code was
            throw new UnreadableMetadataException("exiftool could not read the file: " + e.getMessage());
        } finally {
            giveBack(exiftool);
        }
        JsonNode first = parse(reply.stdout());
        if (first == null) {
            throw new UnreadableMetadataException("exiftool could not read the file: " + reply.stderr());
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

    /** One file's arguments, one per line as {@code -@ -} reads them, then the end markers on stderr and stdout. */
    private String request(String path) {
        var lines = new StringBuilder();
        OPTIONS.forEach(option -> lines.append(option).append('\n'));
        return lines.append(path).append('\n')
                .append("-echo4\n").append(marker()).append('\n')
                .append("-execute").append(sequence).append('\n').toString();
    }

    private String marker() {
        return "{ready" + sequence + "}";
    }

    private ResidentProcess take() {
        ResidentProcess process = idle.pollFirst();
        return process != null ? process : new ResidentProcess(BoundedProcess.niced(List.of(properties.exiftool(), "-stay_open", "True", "-@", "-")), Map.of(),
                properties.memory(), marker(), RECYCLE_AFTER, "-stay_open\nFalse\n");
    }

    private void giveBack(ResidentProcess process) {
        if (closed || idle.size() >= KEEP_IDLE) {
            process.close();
        } else {
            idle.addFirst(process);
        }
    }

    @Override
    public void destroy() {
        closed = true;
        for (ResidentProcess process; (process = idle.pollFirst()) != null; ) {
            process.close();
        }
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
