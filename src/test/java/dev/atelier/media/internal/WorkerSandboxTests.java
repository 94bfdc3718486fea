package dev.atelier.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.atelier.media.internal.SandboxCheck.Attempts;
import dev.atelier.media.internal.SandboxCheck.Request;
import dev.atelier.media.internal.TextFrames.TextRequest;
import dev.atelier.media.internal.TextFrames.TextResponse;
import dev.atelier.media.internal.WorkerProtocol.RenderRequest;
import dev.atelier.media.internal.WorkerProtocol.RenderResponse;
import dev.atelier.media.internal.WorkerProtocol.Target;
import dev.atelier.storage.BlobContent;
import dev.atelier.storage.BlobKey;
import dev.atelier.testsupport.RequiredTools;
import dev.atelier.testsupport.TestDocuments;
import dev.atelier.testsupport.TestImages;
import dev.atelier.testsupport.TestMedia;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * Real worker processes confined with Landlock: they cannot read, change or create files outside
 * their work root, nor open a TCP connection — and they still render. With confinement off the
 * same attempts succeed, so these tests can fail.
 */
class WorkerSandboxTests {

    @TempDir
    Path home;

    WorkRoot root;
    Path blob;
    MediaWorkerPool pool;
    ServerSocket listener;

    @BeforeEach
    void start() throws IOException {
        requireLandlock();
        root = WorkRoot.at(home.resolve("work"));
        blob = Files.write(Files.createDirectories(home.resolve("blobs").resolve("ab")).resolve("ab12"),
                TestImages.png(300, 200, Color.ORANGE));
        listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        pool = workers(true);
    }

    @AfterEach
    void stop() throws IOException {
        if (pool != null) {
            pool.destroy();
        }
        if (listener != null) {
            listener.close();
        }
    }

    @Test
    void aConfinedWorkerSaysHowItIsConfined() {
        assertThat(pool.capabilities().sandbox()).startsWith("landlock ABI ").contains("filesystem");
        assertThat(pool.sandboxCheck().verdict()).isEqualTo(SandboxCheck.Verdict.HOLDS);
        assertThat(pool.sandboxCheck().summary()).startsWith("passed");
    }

    @Test
    void everyThreadOfAConfinedWorkerRunsInsideTheDomain() throws Exception {
        pool.capabilities();
        ProcessHandle worker = ProcessHandle.current().children().filter(this::isOurWorker).findFirst().orElseThrow();

        // Landlock binds the thread that enforces it; the JVM's other threads only join by the exec that follows
        try (var threads = Files.list(Path.of("/proc", Long.toString(worker.pid()), "task"))) {
            assertThat(threads.toList()).hasSizeGreaterThan(5).allSatisfy(thread ->
                    assertThat(Files.readAllLines(thread.resolve("status"))).contains("NoNewPrivs:\t1"));
        }
    }

    @Test
    void aConfinedWorkerCannotReadChangeOrCreateFilesOutsideItsWorkRootNorConnect() throws Exception {
        Attempts attempts = SandboxCheck.ask(pool, new Request(blob.toString(), blob.getParent().toString(), listener.getLocalPort()));

        assertThat(attempts.read()).contains("AccessDenied");
        assertThat(attempts.modify()).contains("AccessDenied");
        assertThat(attempts.create()).contains("AccessDenied");
        assertThat(attempts.connect()).contains("Permission denied");
        listener.setSoTimeout(300);
        assertThatThrownBy(listener::accept).isInstanceOf(SocketTimeoutException.class);
        try (var files = Files.list(blob.getParent())) {
            assertThat(files).containsExactly(blob);
        }
    }

    @Test
    void withConfinementOffTheSameAttemptsSucceed() throws Exception {
        pool.destroy();
        pool = workers(false);

        Attempts attempts = SandboxCheck.ask(pool, new Request(blob.toString(), blob.getParent().toString(), listener.getLocalPort()));

        assertThat(attempts).isEqualTo(new Attempts("", "", "", ""));
        listener.setSoTimeout(2000);
        listener.accept().close();
        assertThat(pool.capabilities().sandbox()).isEqualTo("none: switched off (atelier.media.confine=false)");
        assertThat(pool.sandboxCheck().verdict()).isEqualTo(SandboxCheck.Verdict.UNCONFINED);
    }

    @Test
    void aJobsInputIsAHardLinkToTheBlobThatTheWorkerCanReadButNotChange() throws Exception {
        try (JobFiles files = JobFiles.create(root, "test")) {
            Path input = files.input(stored(blob, true));

            assertThat(input.getParent()).isEqualTo(root.inputs());
            assertThat(Files.isSameFile(input, blob)).as("a hard link, not a copy").isTrue();
            Attempts attempts = SandboxCheck.ask(pool, new Request(input.toString(), root.inputs().toString(), listener.getLocalPort()));
            assertThat(attempts.read()).isEmpty();
            assertThat(attempts.modify()).contains("AccessDenied");
            assertThat(attempts.create()).contains("AccessDenied");
        }
        assertThat(blob).exists();
        assertThat(root.inputs()).isEmptyDirectory();
        assertThat(root.outputs()).isEmptyDirectory();
    }

    @Test
    void whatACrashLeftInTheWorkRootIsRemovedADayLaterAndNeverTheBlob() throws Exception {
        Files.setLastModifiedTime(blob, FileTime.from(Instant.now().minus(Duration.ofDays(400))));
        JobFiles leftover = JobFiles.create(root, "crashed");
        Path input = leftover.input(stored(blob, true));

        WorkRoot.at(root.root());
        assertThat(input).as("linked just now, though the blob is old").exists();

        WorkRoot.at(root.root(), Instant.now().plusSeconds(1));
        assertThat(input).doesNotExist();
        assertThat(leftover.directory()).doesNotExist();
        assertThat(blob).exists();
    }

    @Test
    void anInputFromAStoreWithoutFilesIsCopiedIntoTheWorkRoot() throws Exception {
        try (JobFiles files = JobFiles.create(root, "test")) {
            Path input = files.input(stored(blob, false));

            assertThat(Files.isSameFile(input, blob)).isFalse();
            assertThat(input).hasSameBinaryContentAs(blob);
        }
    }

    @Test
    void confinedWorkersStillRenderImagesDocumentsAndVideoAndReadText() throws Exception {
        assertThat(render(blob, "image/png", new Target("thumbnail", 100)).outputs().getFirst().width()).isEqualTo(100);
        Path pdf = Files.write(home.resolve("pages.pdf"), TestDocuments.pdf(2, 600, 800));
        assertThat(render(pdf, "application/pdf", new Target("thumbnail", 200)).outputs().getFirst().height()).isEqualTo(200);
        Path words = Files.write(home.resolve("words.pdf"), TestDocuments.pdfWithText("Confined workers still read"));
        try (JobFiles files = JobFiles.create(root, "text")) {
            var request = new TextRequest(files.input(stored(words, true)).toString(), "application/pdf", 1000);
            TextResponse text = pool.call("text", (out, in) -> {
                request.write(out);
                return TextResponse.read(in);
            }, problem -> TextResponse.refused("failed", problem));
            assertThat(text.text()).as(text.message()).contains("Confined workers still read");
        }
        RequiredTools.require("ffmpeg", "ffmpeg", "video in a confined worker");
        Path video = Files.write(home.resolve("clip.mp4"), TestMedia.video(320, 240, 1, "mp4"));
        RenderResponse rendered = render(video, "video/mp4", new Target("thumbnail", 160),
                new Target("proxy", 0, 120, "inside", "center", "mp4", 0));
        assertThat(rendered.outputs()).extracting(WorkerProtocol.Output::name).containsExactly("thumbnail", "proxy");
    }

    private boolean isOurWorker(ProcessHandle process) {
        try {
            // the whole command line: ProcessHandle.Info cuts a long one short
            String command = Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
            return command.contains("\0-D" + WorkerSandbox.ROOT + "=" + root.root() + "\0");
        } catch (IOException e) {
            return false;
        }
    }

    private RenderResponse render(Path original, String mediaType, Target... targets) throws IOException {
        try (JobFiles files = JobFiles.create(root, "render")) {
            Path input = files.input(stored(original, true));
            RenderResponse response = pool.render(new RenderRequest(input.toString(), mediaType, files.directory().toString(),
                    List.of(targets), 250_000_000L, 0.85f));
            assertThat(response.outcome()).as(response.message()).isEqualTo("ok");
            for (var output : response.outputs()) {
                assertThat(WorkerProtocol.insideOf(files.directory(), output.path())).isNotEmptyFile();
            }
            return response;
        }
    }

    private MediaWorkerPool workers(boolean confine) {
        return new MediaWorkerPool(new WorkerLauncher(DataSize.ofMegabytes(128), true, "", root, confine), 1, Duration.ofSeconds(60));
    }

    /** A blob as a store hands it over: with its file, or (an object store) only as a stream. */
    private static BlobContent stored(Path file, boolean withFile) {
        return new BlobContent() {
            @Override
            public BlobKey key() {
                return new BlobKey("0".repeat(64));
            }

            @Override
            public long size() {
                return file.toFile().length();
            }

            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(file);
            }

            @Override
            public Optional<Path> file() {
                return withFile ? Optional.of(file) : Optional.empty();
            }
        };
    }

    /** On Linux CI the kernel has Landlock: its absence there fails loudly; elsewhere these tests are skipped. */
    static void requireLandlock() {
        if (Landlock.support() instanceof Landlock.Unavailable(String reason)) {
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("Landlock is unavailable in CI: " + reason);
            }
            assumeTrue(false, "worker confinement skipped: " + reason);
        }
    }
}
