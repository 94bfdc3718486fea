package dev.atelier.media.internal;

import dev.atelier.media.internal.WorkerProtocol.Capabilities;
import dev.atelier.media.internal.WorkerProtocol.RenderRequest;
import dev.atelier.media.internal.WorkerProtocol.RenderResponse;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One running worker JVM and its protocol streams; used by one job at a time. */
final class WorkerProcess {

    /**
     * Platform threads: a conversation blocks in a read of the worker's pipe for as long as the job
     * runs, and such a read holds a virtual thread's carrier, so two long jobs on two cores left no
     * carrier for any other virtual thread of the server.
     */
    private static final ExecutorService READERS = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("worker-conversation-", 0).daemon(true).factory());
    private static final long MEMORY_CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Process process;
    private final DataOutputStream requests;
    private final DataInputStream responses;

    WorkerProcess(Process process) {
        this.process = process;
        this.requests = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
        this.responses = new DataInputStream(new BufferedInputStream(process.getInputStream()));
    }

    /**
     * Sends the job and waits for the answer, watching the worker's resident memory meanwhile.
     *
     * @throws WorkerDiedException when the process exits, breaks the protocol or grows past
     *     {@code memoryLimit} bytes (the caller must then kill it)
     * @throws TimeoutException when no answer came in time; the caller must kill the worker
     */
    RenderResponse call(RenderRequest request, Duration timeout, long memoryLimit) throws WorkerDiedException, TimeoutException {
        return exchange(() -> {
            request.write(requests);
            return RenderResponse.read(responses);
        }, timeout, memoryLimit);
    }

    /** Sends an analysis request ({@link PixelAnalyser}) and waits for the answer, as {@link #call} does. */
    AnalysisResponse analyse(AnalysisRequest request, Duration timeout, long memoryLimit) throws WorkerDiedException, TimeoutException {
        return call((out, in) -> {
            request.write(out);
            return AnalysisResponse.read(in);
        }, timeout, memoryLimit);
    }

    /** A conversation of another job type (see {@link TextFrames}): writes its request, reads its answer. */
    interface Exchange<T> {
        T run(DataOutputStream requests, DataInputStream responses) throws IOException;
    }

    /** Like {@link #call(RenderRequest, Duration, long)}, for any other job type. */
    <T> T call(Exchange<T> exchange, Duration timeout, long memoryLimit) throws WorkerDiedException, TimeoutException {
        return exchange(() -> exchange.run(requests, responses), timeout, memoryLimit);
    }

    /** Asks which engines the worker has and which types each one takes. */
    Capabilities capabilities(Duration timeout) throws WorkerDiedException, TimeoutException {
        return exchange(() -> {
            Capabilities.request(requests);
            return Capabilities.read(responses);
        }, timeout, Long.MAX_VALUE);
    }

    private <T> T exchange(Callable<T> conversation, Duration timeout, long memoryLimit)
            throws WorkerDiedException, TimeoutException {
        // native decoders (libvips) allocate outside the JVM heap: -Xmx alone bounds nothing there
        checkMemory(memoryLimit);
        Future<T> answer = READERS.submit(conversation);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException();
                }
                try {
                    return answer.get(Math.min(left, MEMORY_CHECK_NANOS), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    checkMemory(memoryLimit);
                }
            }
        } catch (ExecutionException e) {
            throw new WorkerDiedException(process.isAlive() ? "broke the protocol" : "exited with status " + exitStatus(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
            throw new WorkerDiedException("was interrupted", e);
        } catch (TimeoutException | WorkerDiedException e) {
            answer.cancel(true);
            throw e;
        }
    }

    private void checkMemory(long limit) throws WorkerDiedException {
        long resident = residentBytes();
        if (resident > limit) {
            throw new WorkerDiedException("used " + (resident >> 20) + " MB of memory, more than its limit of "
                    + (limit >> 20) + " MB", null);
        }
    }

    /** Resident set size from {@code /proc} (Linux); 0 where that cannot be read. */
    long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or the process is gone: the exchange itself will tell
        }
        return 0;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    void kill() {
        // ffmpeg and other children first: they would outlive their worker otherwise
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends the worker gently: closing stdin makes it exit after its current job. */
    void stop() {
        try {
            requests.close();
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (IOException | InterruptedException e) {
            kill();
        }
    }

    private String exitStatus() {
        try {
            return process.waitFor(2, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    static final class WorkerDiedException extends Exception {

        WorkerDiedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
