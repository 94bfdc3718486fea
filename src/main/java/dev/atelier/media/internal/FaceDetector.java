package dev.atelier.media.internal;

import dev.atelier.media.FaceCount;
import dev.atelier.media.FaceDetection;
import dev.atelier.media.FaceProperties;
import dev.atelier.shared.process.BoundedProcess;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.unit.DataSize;

/**
 * Inside a media worker: counts the frontal faces in a preview-sized copy the worker itself just
 * wrote into the job's directory, with OpenCV's Haar cascade in a Python subprocess
 * ({@code faces.py}) bounded in time and memory. The script travels as the {@code -c} argument,
 * so nothing but the copy and the system's Python and OpenCV files is read. No detector is loaded
 * into any JVM.
 */
final class FaceDetector {

    /** A {@link Options} frame, answered by a {@link FaceDetection}: could faces be counted here? */
    static final String CHECK = "check-faces";
    /** The name of the preview-sized target faces are counted in. */
    static final String TARGET = "faces";

    private static final Pattern COUNT = Pattern.compile("faces (\\d{1,6})");
    private static final Pattern VERSION = Pattern.compile("opencv (\\S{1,40})");
    private static final DataSize MAX_OUTPUT = DataSize.ofKilobytes(4);
    private static final String SCRIPT = script();

    private FaceDetector() {
    }

    /** How to count, as the server is configured; {@link #OFF} when faces are not to be counted. */
    record Options(String python, String cascade, long timeoutMillis, long memoryBytes) {

        static final Options OFF = new Options("", "", 0, 0);

        static Options of(FaceProperties properties) {
            return properties.enabled() ? new Options(properties.python(), properties.cascade(), properties.timeout().toMillis(),
                    properties.memory().toBytes()) : OFF;
        }

        boolean off() {
            return python.isEmpty();
        }

        void write(DataOutputStream out) throws IOException {
            out.writeUTF(python);
            out.writeUTF(cascade);
            out.writeLong(timeoutMillis);
            out.writeLong(memoryBytes);
        }

        static Options read(DataInputStream in) throws IOException {
            return new Options(in.readUTF(), in.readUTF(), in.readLong(), in.readLong());
        }
    }

    /** Asks a worker whether counting would work; it may write only into {@code scratch}. */
    static void writeCheck(DataOutputStream out, Options options, Path scratch) throws IOException {
        out.writeUTF(CHECK);
        options.write(out);
        out.writeUTF(scratch.toString());
        out.flush();
    }

    /** In the worker: reads a check request after its operation name, checks, answers. */
    static void answerCheck(DataInputStream in, DataOutputStream out) throws IOException {
        FaceDetection detection = check(Options.read(in), Path.of(in.readUTF()));
        out.writeBoolean(detection.available());
        out.writeUTF(detection.detail());
        out.flush();
    }

    static FaceDetection readDetection(DataInputStream in) throws IOException {
        return new FaceDetection(in.readBoolean(), in.readUTF());
    }

    /** Whether counting would work: Python starts, imports OpenCV and loads the cascade. */
    static FaceDetection check(Options options, Path scratch) {
        if (options.off()) {
            return new FaceDetection(false, "face detection is switched off (atelier.media.faces.enabled)");
        }
        return switch (run(options, scratch, List.of("--check", options.cascade()))) {
            case Run.NoAnswer(FaceCount why) -> new FaceDetection(false, why.reason());
            case Run.Printed(String out) -> found(VERSION, out)
                    .map(version -> new FaceDetection(true, "OpenCV " + version + ", Haar cascade "
                            + Path.of(options.cascade()).getFileName()))
                    .orElseGet(() -> new FaceDetection(false, "the face detector answered '" + out.strip() + "'"));
        };
    }

    /** The faces in {@code image} (a copy this worker wrote), or why there is no count. */
    static FaceCount count(Options options, Path image, Path scratch) {
        if (options.off()) {
            return new FaceCount.Unavailable("face detection is switched off");
        }
        return switch (run(options, scratch, List.of(options.cascade(), image.toString()))) {
            case Run.NoAnswer(FaceCount why) -> why;
            case Run.Printed(String out) -> found(COUNT, out).<FaceCount>map(n -> new FaceCount.Counted(Integer.parseInt(n)))
                    .orElseGet(() -> new FaceCount.Failed("the face detector answered '" + out.strip() + "'"));
        };
    }

    /** What one run of the script came to: what it printed, or why there is no answer (unavailable, or failed). */
    private sealed interface Run {
        record Printed(String stdout) implements Run {}

        record NoAnswer(FaceCount why) implements Run {}
    }

    private static Run run(Options options, Path scratch, List<String> arguments) {
        if (!BoundedProcess.installed(options.python())) {
            return new Run.NoAnswer(new FaceCount.Unavailable(options.python()
                    + " is not installed (Debian: apt-get install python3-opencv)"));
        }
        List<String> command = new ArrayList<>(List.of(options.python(), "-I", "-c", SCRIPT));
        command.addAll(arguments);
        BoundedProcess.Result result;
        try {
            result = BoundedProcess.run(command, Duration.ofMillis(options.timeoutMillis()), DataSize.ofBytes(options.memoryBytes()),
                    MAX_OUTPUT, scratch);
        } catch (BoundedProcess.TimedOutException e) {
            return new Run.NoAnswer(new FaceCount.Failed("face detection took longer than "
                    + Duration.ofMillis(options.timeoutMillis()).toSeconds() + " s and was stopped"));
        } catch (IOException e) {
            return new Run.NoAnswer(new FaceCount.Failed("face detection could not run (" + e.getMessage() + ")"));
        }
        return switch (result.exitCode()) {
            case 0 -> new Run.Printed(result.stdoutText());
            case 3 -> new Run.NoAnswer(new FaceCount.Unavailable("OpenCV for Python is not installed for " + options.python()
                    + " (Debian: apt-get install python3-opencv)"));
            case 4 -> new Run.NoAnswer(new FaceCount.Unavailable("the face model " + options.cascade()
                    + " cannot be loaded (Debian: apt-get install opencv-data)"));
            default -> new Run.NoAnswer(new FaceCount.Failed("face detection failed (exit " + result.exitCode() + "): "
                    + lastLine(result.stderrTail())));
        };
    }

    private static Optional<String> found(Pattern pattern, String output) {
        Matcher m = pattern.matcher(output.strip());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static String lastLine(String text) {
        List<String> lines = text.lines().filter(l -> !l.isBlank()).toList();
        return lines.isEmpty() ? "" : lines.getLast();
    }

    private static String script() {
        try (InputStream in = FaceDetector.class.getResourceAsStream("faces.py")) {
            if (in == null) {
                throw new IllegalStateException("faces.py is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
