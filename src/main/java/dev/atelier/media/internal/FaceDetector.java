package dev.atelier.media.internal;

import dev.atelier.media.FaceCount;
import dev.atelier.media.FaceDetection;
import dev.atelier.media.FaceProperties;
import dev.atelier.shared.process.BoundedProcess;
import dev.atelier.shared.process.ResidentProcess;
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
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.unit.DataSize;

/**
 * Inside a media worker: counts the frontal faces in a copy at most {@link #EDGE} pixels a side the
 * worker itself just wrote into the job's directory, with OpenCV's Haar cascade in a Python
 * subprocess ({@code faces.py}). The subprocess stays running between jobs (a
 * {@link ResidentProcess}: importing OpenCV costs more than counting), bounded in memory for its
 * life and in time per image; the script travels as the {@code -c} argument, so nothing but the
 * copies and the system's Python and OpenCV files is read. No detector is loaded into any JVM.
 */
final class FaceDetector {

    /** A {@link Options} frame, answered by a {@link FaceDetection}: could faces be counted here? */
    static final String CHECK = "check-faces";
    /** The name of the target faces are counted in. */
    static final String TARGET = "faces";
    /**
     * The long edge of the copy faces are counted in. The cascade's cost grows with the pixels: 1.45
     * CPU-s in a 2048 px copy, 0.32 in a 1024 px one; faces under ~2.5 % of the short edge are not
     * looked for at 1280 px (the cascade's smallest window is 24 px).
     */
    static final int EDGE = 1280;
    private static final String MARKER = "{faces-done}";
    /** Images one Python process counts in before a fresh one takes over. */
    private static final int RECYCLE_AFTER = 1_000;
    private static final Pattern ANSWER = Pattern.compile("(faces|unavailable|failed) (\\d{1,6})");

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
    static FaceCount count(Options options, Path image) {
        if (options.off()) {
            return new FaceCount.Unavailable("face detection is switched off");
        }
        if (!BoundedProcess.installed(options.python())) {
            return notInstalled(options);
        }
        String path = image.toString();
        if (path.contains("\n") || path.contains("\r")) {
            return new FaceCount.Failed("the copy's path has a line break");
        }
        ResidentProcess.Reply reply;
        try {
            reply = detector(options).ask(path + "\n", Duration.ofMillis(options.timeoutMillis()), MAX_OUTPUT.toBytes());
        } catch (BoundedProcess.TimedOutException e) {
            return timedOut(options);
        } catch (IOException e) {
            return new FaceCount.Failed("face detection failed: " + e.getMessage());
        }
        Matcher answer = ANSWER.matcher(reply.stdout().strip());
        if (!answer.matches()) {
            return new FaceCount.Failed("the face detector answered '" + reply.stdout().strip() + "'");
        }
        int value = Integer.parseInt(answer.group(2));
        return switch (answer.group(1)) {
            case "faces" -> new FaceCount.Counted(value);
            case "unavailable" -> byCode(options, value, reply.stderr());
            default -> new FaceCount.Failed("face detection failed: " + BoundedProcess.lastLine(reply.stderr()));
        };
    }

    private static ResidentProcess detector;
    private static Options detectorFor;

    /** This worker's running detector for these options; one for other options replaces it. */
    private static synchronized ResidentProcess detector(Options options) {
        if (detector == null || !options.equals(detectorFor)) {
            if (detector != null) {
                detector.close();
            }
            // no nice of its own: it runs in an enrichment worker, which is niced already
            detector = new ResidentProcess(List.of(options.python(), "-I", "-c", SCRIPT, "--serve", options.cascade()), Map.of(),
                    DataSize.ofBytes(options.memoryBytes()), MARKER, RECYCLE_AFTER, "");
            detectorFor = options;
        }
        return detector;
    }

    private static FaceCount notInstalled(Options options) {
        return new FaceCount.Unavailable(options.python() + " is not installed (Debian: apt-get install python3-opencv)");
    }

    private static FaceCount timedOut(Options options) {
        return new FaceCount.Failed("face detection took longer than " + Duration.ofMillis(options.timeoutMillis()).toSeconds()
                + " s and was stopped");
    }

    /** The script's codes, which are also its exit codes when it runs once. */
    private static FaceCount byCode(Options options, int code, String said) {
        return switch (code) {
            case 3 -> new FaceCount.Unavailable("OpenCV for Python is not installed for " + options.python()
                    + " (Debian: apt-get install python3-opencv)");
            case 4 -> new FaceCount.Unavailable("the face model " + options.cascade() + " cannot be loaded (Debian: apt-get install opencv-data)");
            default -> new FaceCount.Failed("face detection failed (" + code + "): " + BoundedProcess.lastLine(said));
        };
    }

    /** What one run of the script came to: what it printed, or why there is no answer (unavailable, or failed). */
    private sealed interface Run {
        record Printed(String stdout) implements Run {}

        record NoAnswer(FaceCount why) implements Run {}
    }

    private static Run run(Options options, Path scratch, List<String> arguments) {
        if (!BoundedProcess.installed(options.python())) {
            return new Run.NoAnswer(notInstalled(options));
        }
        List<String> command = new ArrayList<>(List.of(options.python(), "-I", "-c", SCRIPT));
        command.addAll(arguments);
        BoundedProcess.Result result;
        try {
            result = BoundedProcess.run(command, Duration.ofMillis(options.timeoutMillis()), DataSize.ofBytes(options.memoryBytes()),
                    MAX_OUTPUT, scratch);
        } catch (BoundedProcess.TimedOutException e) {
            return new Run.NoAnswer(timedOut(options));
        } catch (IOException e) {
            return new Run.NoAnswer(new FaceCount.Failed("face detection could not run (" + e.getMessage() + ")"));
        }
        return switch (result.exitCode()) {
            case 0 -> new Run.Printed(result.stdoutText());
            case 3, 4 -> new Run.NoAnswer(byCode(options, result.exitCode(), result.stderrTail()));
            default -> new Run.NoAnswer(new FaceCount.Failed("face detection failed (exit " + result.exitCode() + "): "
                    + BoundedProcess.lastLine(result.stderrTail())));
        };
    }

    private static Optional<String> found(Pattern pattern, String output) {
        Matcher m = pattern.matcher(output.strip());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
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
