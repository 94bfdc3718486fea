package dev.atelier.shared.process;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;

/**
 * A tool kept running between requests, for tools whose start costs far more than their work:
 * exiftool starts Perl and loads its modules (~0.15 CPU-s) to read one file's tags in ~4 ms;
 * Python imports OpenCV (~0.45 CPU-s) to count the faces in a preview in ~0.3 s. The bounds of
 * {@link BoundedProcess} hold per request: the address space ({@code prlimit --as}, for the
 * process's life), a time limit per request (past it the process is killed and the next request
 * starts a fresh one) and a cap on what is read back. A process is also replaced after
 * {@code recycleAfter} requests, so whatever one file did to it does not live on for long.
 *
 * <p>Protocol: the caller writes one request to stdin; the tool answers on stdout and then prints a
 * line equal to the marker on stdout and on stderr (both, so what it said on stderr about this
 * request is known whole). The tool is started with {@code setpriv --pdeathsig KILL} from a thread
 * that lives as long as this JVM, so it dies with the server even when it would not notice its
 * stdin closing (exiftool does not).
 *
 * <p>Not thread-safe across requests by design: {@link #ask} is synchronized, one request at a time;
 * keep several for parallel work.
 */
public final class ResidentProcess implements AutoCloseable {

    private static final Path PRLIMIT = Path.of("/usr/bin/prlimit");
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");
    private static final int STDERR_KEPT = 2_000;
    /** Starts the tools: the parent-death signal follows the thread that started a process, so it must never end. */
    private static final ExecutorService STARTER = Executors.newSingleThreadExecutor(Thread.ofPlatform()
            .name("resident-tool-starter").daemon(true).factory());
    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();
    private static final Logger LOG = LoggerFactory.getLogger(ResidentProcess.class);
    private static volatile boolean warnedNoSetpriv;

    /** What the tool printed for one request, without the marker lines. */
    public record Reply(String stdout, String stderr) {
    }

    /** The answer was longer than the cap; the process was stopped. */
    public static final class TooLongException extends IOException {
        TooLongException(String tool, long max) {
            super(tool + " printed more than " + max + " characters");
        }
    }

    private final List<String> command;
    private final Map<String, String> environment;
    private final DataSize memory;
    private final String marker;
    private final int recycleAfter;
    private final String farewell;
    private final String tool;

    private Running running;

    /**
     * @param command the tool and its arguments
     * @param environment variables set for the tool on top of the server's
     * @param memory the tool's address-space limit
     * @param marker the line the tool prints on stdout and on stderr after each answer
     * @param recycleAfter requests after which the process is replaced by a fresh one
     * @param farewell what to write before stdin is closed so the tool ends by itself ("" when EOF is enough)
     */
    public ResidentProcess(List<String> command, Map<String, String> environment, DataSize memory, String marker, int recycleAfter,
            String farewell) {
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.memory = memory;
        this.marker = marker;
        this.recycleAfter = recycleAfter;
        this.farewell = farewell;
        this.tool = BoundedProcess.toolName(command);
    }

    /**
     * Sends one request and reads the answer up to the marker lines.
     *
     * @throws BoundedProcess.TimedOutException when no whole answer came within {@code timeout}; the process was killed
     * @throws TooLongException when stdout held more than {@code maxChars} characters before the marker; the process was killed
     * @throws java.io.InterruptedIOException when the calling thread was interrupted; the process was stopped
     * @throws IOException when the tool could not be started or exited before answering, with its exit code and last words
     */
    public synchronized Reply ask(String request, Duration timeout, long maxChars) throws IOException {
        if (running != null && (running.killed || !running.process.isAlive() || running.served >= recycleAfter)) {
            stop();
        }
        if (running == null) {
            running = start();
        }
        Running current = running;
        long deadline = System.nanoTime() + timeout.toNanos();
        ScheduledFuture<?> kill = WATCHDOG.schedule(current::kill, timeout.toMillis(), TimeUnit.MILLISECONDS);
        boolean answered = false;
        try {
            try {
                OutputStream in = current.process.getOutputStream();
                in.write(request.getBytes(StandardCharsets.UTF_8));
                in.flush();
            } catch (IOException e) {
                // it ended before it read the request: say why, not "Broken pipe"
                throw current.failure("no answer");
            }
            String stdout = current.readAnswer(maxChars);
            String stderr = current.errors.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (stderr == null || stderr == Running.ENDED) {
                throw current.failure("no end of its error output");
            }
            current.served++;
            answered = true;
            return new Reply(stdout, stderr);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + tool);
        } catch (IOException e) {
            throw current.killed ? new BoundedProcess.TimedOutException(tool, timeout) : e;
        } finally {
            kill.cancel(false);
            if (!answered) {
                stop();
            }
        }
    }

    /** Whether a process is running now (for tests and diagnostics). */
    synchronized long pid() {
        return running == null || !running.process.isAlive() ? -1 : running.process.pid();
    }

    @Override
    public synchronized void close() {
        stop();
    }

    private void stop() {
        if (running != null) {
            Running stopping = running;
            running = null;
            stopping.stop();
        }
    }

    private Running start() throws IOException {
        List<String> full = new ArrayList<>();
        if (Files.isExecutable(SETPRIV)) {
            full.addAll(List.of(SETPRIV.toString(), "--pdeathsig", "KILL", "--"));
        } else if (!warnedNoSetpriv) {
            warnedNoSetpriv = true;
            LOG.warn("{} is missing (util-linux): {} and other resident tools may outlive this process if it dies", SETPRIV, tool);
        }
        if (Files.isExecutable(PRLIMIT)) {
            full.addAll(List.of(PRLIMIT.toString(), "--as=" + memory.toBytes(), "--"));
        }
        full.addAll(command);
        var builder = new ProcessBuilder(full);
        builder.environment().putAll(environment);
        Future<Process> starting = STARTER.submit(builder::start);
        try {
            return new Running(starting.get());
        } catch (InterruptedException e) {
            // the start goes on without us: the process it makes must not be left running untracked
            STARTER.execute(() -> {
                try {
                    starting.get().destroyForcibly();
                } catch (InterruptedException | ExecutionException ignored) {
                    // nothing was started
                }
            });
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while starting " + tool);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException("could not start " + tool, e.getCause());
        }
    }

    /** One process of the tool, its stdout reader and its stderr drain. */
    private final class Running {

        /** Put on {@link #errors} when stderr ends: no marker will come. */
        static final String ENDED = new String("(stderr ended)");

        final Process process;
        final Reader stdout;
        final Thread drain;
        /** What the tool wrote on stderr per request, one entry per marker line. */
        final LinkedBlockingQueue<String> errors = new LinkedBlockingQueue<>();
        final StringBuilder errorTail = new StringBuilder();
        volatile boolean killed;
        int served;
        private final char[] chunk = new char[8192];

        Running(Process process) {
            this.process = process;
            this.stdout = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8);
            // a platform thread: it blocks in a pipe read for the tool's whole life, which would hold a
            // virtual thread's carrier (two idle exiftools took both carriers of a two-core server)
            this.drain = Thread.ofPlatform().daemon(true).name(tool + "-stderr").start(this::drainErrors);
        }

        /** Reads stdout up to the marker line; what comes before it is the answer. */
        String readAnswer(long maxChars) throws IOException {
            StringBuilder text = new StringBuilder();
            int lineStart = 0;
            while (true) {
                int n = stdout.read(chunk);
                if (n < 0) {
                    throw failure("no answer");
                }
                int from = text.length();
                text.append(chunk, 0, n);
                for (int i = from; i < text.length(); i++) {
                    if (text.charAt(i) != '\n') {
                        continue;
                    }
                    if (isMarker(text, lineStart, i)) {
                        if (i + 1 < text.length()) {
                            throw failure("output after its end marker");
                        }
                        return text.substring(0, lineStart);
                    }
                    lineStart = i + 1;
                }
                if (text.length() > maxChars + marker.length() + 2) {
                    throw new TooLongException(tool, maxChars);
                }
            }
        }

        private boolean isMarker(CharSequence text, int start, int newline) {
            int end = newline > start && text.charAt(newline - 1) == '\r' ? newline - 1 : newline;
            return end - start == marker.length() && text.subSequence(start, end).toString().equals(marker);
        }

        private void drainErrors() {
            try (var lines = process.errorReader(StandardCharsets.UTF_8)) {
                for (String line; (line = lines.readLine()) != null; ) {
                    synchronized (errorTail) {
                        if (line.strip().equals(marker)) {
                            errors.add(errorTail.toString().strip());
                            errorTail.setLength(0);
                        } else {
                            errorTail.append(line).append('\n');
                            if (errorTail.length() > STDERR_KEPT) {
                                errorTail.delete(0, errorTail.length() - STDERR_KEPT);
                            }
                        }
                    }
                }
            } catch (IOException e) {
                // the process is gone; the request in flight sees its stdout end
            } finally {
                errors.add(ENDED);
            }
        }

        IOException failure(String what) {
            Integer exit = exitCode();
            try {
                // its last words may still be on their way through the pipe
                drain.join(Duration.ofMillis(exit == null ? 0 : 500));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String said;
            synchronized (errorTail) {
                said = errorTail.toString().strip();
            }
            return new IOException(tool + " gave " + what + (exit == null ? "" : " (exit " + exit + ")")
                    + (said.isEmpty() ? "" : ": " + BoundedProcess.lastLine(said)));
        }

        private Integer exitCode() {
            try {
                return process.waitFor(200, TimeUnit.MILLISECONDS) ? process.exitValue() : null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        void kill() {
            killed = true;
            // listed before the tool dies: its children (which may hold its stdout open) would then belong to init
            List<ProcessHandle> children = List.of();
            try {
                children = process.descendants().toList();
            } catch (RuntimeException e) {
                // no /proc to list them (a confined media worker): the tool itself is killed all the same
            }
            process.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
        }

        void stop() {
            try (OutputStream in = process.getOutputStream()) {
                if (!killed && process.isAlive()) {
                    in.write(farewell.getBytes(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // gone already, or its stdin is: it is killed below if it still runs
            }
            try {
                if (!process.waitFor(1, TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                kill();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One thread for every tool's time limits; a cancelled limit leaves its queue at once, not when it would have fired. */
    private static ScheduledThreadPoolExecutor watchdog() {
        var executor = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("resident-tool-watchdog").daemon(true).factory());
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
