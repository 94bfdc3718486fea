package dev.atelier.media.internal;

import dev.atelier.media.internal.WorkerProtocol.Capabilities;
import dev.atelier.media.internal.WorkerProtocol.RenderRequest;
import dev.atelier.media.internal.WorkerProtocol.RenderResponse;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
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

    private static final ExecutorService READERS = Executors.newVirtualThreadPerTaskExecutor();

    private final Process process;
    private final DataOutputStream requests;
    private final DataInputStream responses;

    WorkerProcess(Process process) {
        this.process = process;
        this.requests = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
        this.responses = new DataInputStream(new BufferedInputStream(process.getInputStream()));
    }

    /**
     * Sends the job and waits for the answer.
     *
     * @throws WorkerDiedException when the process exits or breaks the protocol
     * @throws TimeoutException when no answer came in time; the caller must kill the worker
     */
    RenderResponse call(RenderRequest request, Duration timeout) throws WorkerDiedException, TimeoutException {
        return exchange(() -> {
            request.write(requests);
            return RenderResponse.read(responses);
        }, timeout);
    }

    /** Asks which engines the worker has and which types each one takes. */
    Capabilities capabilities(Duration timeout) throws WorkerDiedException, TimeoutException {
        return exchange(() -> {
            Capabilities.request(requests);
            return Capabilities.read(responses);
        }, timeout);
    }

    private <T> T exchange(Callable<T> conversation, Duration timeout) throws WorkerDiedException, TimeoutException {
        Future<T> answer = READERS.submit(conversation);
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new WorkerDiedException(process.isAlive() ? "broke the protocol" : "exited with status " + exitStatus(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
            throw new WorkerDiedException("was interrupted", e);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw e;
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    void kill() {
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
