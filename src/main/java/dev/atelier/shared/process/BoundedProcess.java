package dev.atelier.shared.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.util.unit.DataSize;

/**
 * Runs a tool on a file from an untrusted source: under coreutils' {@code timeout} and
 * util-linux's {@code prlimit --as} where installed (so a runaway child is killed by the OS even
 * if this JVM dies), with stdin closed and stdout and stderr captured to temporary files, of
 * which at most {@code maxOutput} bytes are read back.
 */
public final class BoundedProcess {

    private static final Path TIMEOUT = Path.of("/usr/bin/timeout");
    private static final Path PRLIMIT = Path.of("/usr/bin/prlimit");
    private static final Path NICE = Path.of("/usr/bin/nice");
    private static final List<String> NICE_PREFIX = List.of(NICE.toString(), "-n", "10");

    /** What the tool printed; {@code truncated} when stdout was longer than the limit. */
    public record Result(int exitCode, byte[] stdout, boolean truncated, String stderrTail) {

        public String stdoutText() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    /** The tool ran longer than its time bound and was killed. */
    public static final class TimedOutException extends IOException {
        TimedOutException(String tool, Duration limit) {
            super(tool + " took longer than " + limit.toSeconds() + " s and was stopped");
        }
    }

    private BoundedProcess() {
    }

    /**
     * The command at a lower CPU priority ({@code nice -n 10}) where coreutils' nice is installed:
     * for work that enriches a version later (OCR, face counts, metadata), which then takes the CPU
     * that previews and requests leave instead of sharing it with them equally.
     */
    public static List<String> niced(List<String> command) {
        if (!Files.isExecutable(NICE)) {
            return List.copyOf(command);
        }
        List<String> full = new ArrayList<>(NICE_PREFIX);
        full.addAll(command);
        return List.copyOf(full);
    }

    /** The tool's file name, past a {@link #niced} prefix: what messages call it. */
    static String toolName(List<String> command) {
        boolean niced = command.size() > NICE_PREFIX.size() && command.subList(0, NICE_PREFIX.size()).equals(NICE_PREFIX);
        return Path.of(command.get(niced ? NICE_PREFIX.size() : 0)).getFileName().toString();
    }

    /** The last non-blank line of what a tool said, for a one-line reason. */
    public static String lastLine(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "" : lines.getLast();
    }

    public static boolean installed(String tool) {
        if (tool.contains("/")) {
            return Files.isExecutable(Path.of(tool));
        }
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return java.util.Arrays.stream(path.split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    public static Result run(List<String> command, Duration timeout, DataSize memory, DataSize maxOutput) throws IOException {
        return run(command, timeout, memory, maxOutput, Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** As {@link #run(List, Duration, DataSize, DataSize)}, capturing the tool's output in {@code scratch} (a job's own directory). */
    public static Result run(List<String> command, Duration timeout, DataSize memory, DataSize maxOutput, Path scratch) throws IOException {
        return run(command, Map.of(), timeout, memory, maxOutput, scratch);
    }

    /** As {@link #run(List, Duration, DataSize, DataSize, Path)}, with {@code environment} set for the tool on top of the server's. */
    public static Result run(List<String> command, Map<String, String> environment, Duration timeout, DataSize memory, DataSize maxOutput,
            Path scratch) throws IOException {
        List<String> full = new ArrayList<>();
        if (Files.isExecutable(TIMEOUT)) {
            full.addAll(List.of(TIMEOUT.toString(), "--kill-after=5", Math.max(1, timeout.toSeconds()) + "s"));
        }
        if (Files.isExecutable(PRLIMIT)) {
            full.addAll(List.of(PRLIMIT.toString(), "--as=" + memory.toBytes(), "--"));
        }
        full.addAll(command);
        Path out = Files.createTempFile(scratch, "atelier-tool-", ".out");
        Path err = Files.createTempFile(scratch, "atelier-tool-", ".err");
        try {
            var builder = new ProcessBuilder(full).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!waitFor(process, timeout.plusSeconds(10))) {
                process.destroyForcibly();
                throw new TimedOutException(toolName(command), timeout);
            }
            int exit = process.exitValue();
            if ((exit == 124 || exit == 137) && Files.isExecutable(TIMEOUT)) {
                throw new TimedOutException(toolName(command), timeout);
            }
            byte[] stdout = head(out, maxOutput.toBytes());
            return new Result(exit, stdout, Files.size(out) > stdout.length, tail(err, 2_000));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static boolean waitFor(Process process, Duration limit) throws IOException {
        try {
            return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + process.info().command().orElse("a tool"), e);
        }
    }

    private static byte[] head(Path file, long max) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes((int) Math.min(max, Integer.MAX_VALUE - 8));
        }
    }

    private static String tail(Path file, int max) throws IOException {
        byte[] all = Files.readAllBytes(file);
        int from = Math.max(0, all.length - max);
        return new String(all, from, all.length - from, StandardCharsets.UTF_8).strip();
    }
}
