package dev.atelier.media.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.springframework.util.FileSystemUtils;

/**
 * The sandbox self-check shown on the System page: a worker tries what its confinement
 * ({@link WorkerSandbox}) must stop — reading a file outside the work root, opening it for writing,
 * creating a file beside it, connecting to a TCP port on this machine — and answers only whether
 * each attempt worked. The server picks every target (a file it has just made beside the work root,
 * a socket it listens on for the check); no content travels back and nothing is changed.
 */
final class SandboxCheck {

    static final String OPERATION = "sandbox-check";

    private static final String LOOPBACK = "127.0.0.1";

    private SandboxCheck() {
    }

    /**
     * What to try: read {@code outsideFile} and open it for appending (writing nothing), create a
     * file in {@code outsideDirectory} (and delete it again), connect to {@code port} on 127.0.0.1.
     */
    record Request(String outsideFile, String outsideDirectory, int port) {

        void write(DataOutputStream out) throws IOException {
            out.writeUTF(OPERATION);
            out.writeUTF(outsideFile);
            out.writeUTF(outsideDirectory);
            out.writeInt(port);
            out.flush();
        }

        static Request read(DataInputStream in) throws IOException {
            return new Request(in.readUTF(), in.readUTF(), in.readInt());
        }
    }

    /** For each attempt, what stopped it: empty when it worked. */
    record Attempts(String read, String modify, String create, String connect) {

        void write(DataOutputStream out) throws IOException {
            out.writeUTF(read);
            out.writeUTF(modify);
            out.writeUTF(create);
            out.writeUTF(connect);
            out.flush();
        }

        static Attempts read(DataInputStream in) throws IOException {
            return new Attempts(in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF());
        }
    }

    enum Verdict { HOLDS, BREACHED, UNCONFINED, NOT_RUN }

    /** The check's result as the System page and the health check show it. */
    record Outcome(Verdict verdict, String summary) {

        static final Outcome NOT_RUN = new Outcome(Verdict.NOT_RUN, "not run: no worker has started");
    }

    /** Worker side: makes the four attempts. */
    static Attempts attempt(Request request) {
        Path file = Path.of(request.outsideFile());
        return new Attempts(failure(() -> {
            try (InputStream in = Files.newInputStream(file)) {
                in.read();
            }
        }), failure(() -> Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND).close()),
                failure(() -> Files.delete(Files.createTempFile(Path.of(request.outsideDirectory()), "sandbox-check-", ".tmp"))),
                failure(() -> {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress(InetAddress.getByName(LOOPBACK), request.port()), 2000);
                    }
                }));
    }

    private interface Attempt {
        void run() throws IOException;
    }

    private static String failure(Attempt attempt) {
        try {
            attempt.run();
            return "";
        } catch (IOException | RuntimeException e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
    }

    /** Server side: asks a worker to try the request's targets. Null when no worker could do it. */
    static Attempts ask(MediaWorkerPool workers, Request request) {
        return workers.diagnose("the sandbox self-check", (out, in) -> {
            request.write(out);
            return Attempts.read(in);
        }, problem -> null);
    }

    /**
     * Server side: the whole check, against a file and a directory made for it beside the work
     * root (in {@code atelier.home} by default) and a socket opened for it.
     */
    static Outcome run(MediaWorkerPool workers, WorkRoot root, String sandbox) {
        Path outside = null;
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            outside = Files.createTempDirectory(root.root().getParent(), "sandbox-check-");
            Path canary = Files.writeString(outside.resolve("canary"), "workers must not read this");
            Attempts attempts = ask(workers, new Request(canary.toString(), outside.toString(), listener.getLocalPort()));
            return attempts == null ? new Outcome(Verdict.NOT_RUN, "not run: " + MediaWorkerPool.NOT_STARTED) : judge(sandbox, attempts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (outside != null) {
                FileSystemUtils.deleteRecursively(outside.toFile());
            }
        }
    }

    static Outcome judge(String sandbox, Attempts attempts) {
        boolean tcpConfined = sandbox.contains("network");
        List<String> escaped = new ArrayList<>();
        if (attempts.read().isEmpty()) {
            escaped.add("read a file outside its work root");
        }
        if (attempts.modify().isEmpty()) {
            escaped.add("opened a file outside its work root for writing");
        }
        if (attempts.create().isEmpty()) {
            escaped.add("created a file outside its work root");
        }
        if (attempts.connect().isEmpty() && (tcpConfined || sandbox.startsWith(WorkerSandbox.NONE))) {
            escaped.add("opened a TCP connection");
        }
        if (sandbox.startsWith(WorkerSandbox.NONE)) {
            return new Outcome(Verdict.UNCONFINED, escaped.isEmpty() ? "not confined, though nothing got through in the check"
                    : "not confined: a worker " + String.join(", ", escaped));
        }
        if (!escaped.isEmpty()) {
            return new Outcome(Verdict.BREACHED, "failed: a confined worker " + String.join(", ", escaped));
        }
        return new Outcome(Verdict.HOLDS, "passed: reading and writing outside the work root" + (tcpConfined ? " and TCP connections" : "")
                + " are refused");
    }
}
