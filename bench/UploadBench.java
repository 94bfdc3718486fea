import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Upload benchmark client for Atelier; started by bench/upload.sh against a running server.
 *
 * <pre>
 *   java bench/UploadBench.java --base http://127.0.0.1:PORT --token atl_... [--server-opts "-Xmx256m"]
 * </pre>
 *
 * Environment: BENCH_SMALL_COUNT (1000), BENCH_BIG_MB (1024, in MiB), BENCH_CONCURRENCY (4), BENCH_WARMUPS (4),
 * BENCH_CLIENT (httpclient | raw), BENCH_TMPDIR (java.io.tmpdir). Plain JDK, no dependencies; JSON is read
 * with regular expressions.
 *
 * Units: MB = 10^6 bytes (throughput, as openssl and most tools print it); MiB = 2^20 bytes (sizes, heap).
 */
public class UploadBench {

    static final double MB = 1e6;
    static final double MiB = 1024.0 * 1024.0;
    static final double TARGET = 0.70;

    static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*([-+0-9.eE]+|NaN)");
    static final Pattern SHA256 = Pattern.compile("\"sha256\"\\s*:\\s*\"([0-9a-f]{64})\"");
    static final Pattern OPENSSL_LINE = Pattern.compile("^SHA2?-?256\\((.*)\\)\\s*=\\s*([0-9a-f]{64})$", Pattern.MULTILINE);

    static final long WARM_UP_BYTES = 256L * 1024 * 1024;

    final URI base;
    final String token;
    final String serverOpts;
    final int smallCount = intEnv("BENCH_SMALL_COUNT", 1000);
    final long bigBytes = (long) intEnv("BENCH_BIG_MB", 1024) * 1024 * 1024;
    final int concurrency = intEnv("BENCH_CONCURRENCY", 4);
    final int warmUps = intEnv("BENCH_WARMUPS", 4);
    final boolean rawClient = "raw".equalsIgnoreCase(Optional.ofNullable(System.getenv("BENCH_CLIENT")).orElse("httpclient").strip());
    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    int failures;

    UploadBench(URI base, String token, String serverOpts) {
        this.base = base;
        this.token = token;
        this.serverOpts = serverOpts;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = parseArgs(args);
        if (!a.containsKey("base") || !a.containsKey("token")) {
            System.err.println("usage: java UploadBench.java --base http://127.0.0.1:PORT --token atl_... [--server-opts '-Xmx256m']");
            System.exit(2);
        }
        var bench = new UploadBench(URI.create(a.get("base").replaceAll("/+$", "")), a.get("token"), a.getOrDefault("server-opts", ""));
        System.exit(bench.run());
    }

    int run() throws Exception {
        Path root = Path.of(Optional.ofNullable(System.getenv("BENCH_TMPDIR")).orElse(System.getProperty("java.io.tmpdir")));
        Path work = Files.createTempDirectory(root, "atelier-bench-");
        Thread cleanup = new Thread(() -> deleteTree(work));
        Runtime.getRuntime().addShutdownHook(cleanup);
        var heap = new HeapPoller(base, token);
        String loadBefore = loadAverage();
        try {
            heap.start();
            log("temp dir %s", work);

            // ---- small files --------------------------------------------------------------------
            log("generating %d small files ...", smallCount);
            List<SmallFile> small = generateSmall(work.resolve("small"), smallCount);
            long smallBytes = small.stream().mapToLong(SmallFile::size).sum();
            settleDisk();
            HeapPoller.Window smallBefore = heap.settle(1000);
            log("uploading %d small files (%.1f MB) with concurrency %d ...", smallCount, smallBytes / MB, concurrency);
            HeapPoller.Window smallWindow = heap.begin();
            long t0 = System.nanoTime();
            int smallOk = uploadSmall(small);
            double smallSecs = (System.nanoTime() - t0) / 1e9;
            heap.end();
            log("  %d/%d ok in %.2f s", smallOk, smallCount, smallSecs);
            // the small files' metadata jobs (exiftool) run after their 201s: not beside what is timed next
            quiet("the small files' metadata jobs");
            double smallOpensslSecs = opensslSmall(small);

            // ---- big file -----------------------------------------------------------------------
            log("writing the big file (%d MiB) ...", bigBytes >> 20);
            Path big = work.resolve("big.bin");
            byte[] bigDigest = generateBig(big, bigBytes);
            settleDisk();
            String bigHex = HexFormat.of().formatHex(bigDigest);
            log("timing openssl dgst -sha256 on it (one warm-up run, then timed) ...");
            double bigOpensslSecs = opensslBig(big, bigHex);
            log("timing dd conv=fsync of it into the same filesystem (the disk's durable write speed) ...");
            double bigDiskSecs = diskBig(big, work);
            warmUp(work);
            HeapPoller.Window bigBefore = heap.settle(1000);
            Counters c0 = heap.counters();
            log("uploading the big file ...");
            HeapPoller.Window bigWindow = heap.begin();
            t0 = System.nanoTime();
            boolean bigOk = uploadBig(big, bigHex, bigDigest);
            double bigSecs = (System.nanoTime() - t0) / 1e9;
            heap.end();
            Counters c1 = heap.counters();
            HeapPoller.Window bigAfter = heap.settle(1000);
            log("  %s in %.2f s", bigOk ? "ok" : "FAILED", bigSecs);

            // ---- report -------------------------------------------------------------------------
            double smallMBps = smallBytes / MB / smallSecs;
            double smallOpensslMBps = smallBytes / MB / smallOpensslSecs;
            double bigMBps = bigBytes / MB / bigSecs;
            double bigOpensslMBps = bigBytes / MB / bigOpensslSecs;
            double bigRatio = bigMBps / bigOpensslMBps;
            long oldMax = heap.oldGenMax;

            var out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "%nupload benchmark  (server %s, %d cores, client %s, concurrency %d, Java %s, %s)%n",
                    serverOpts.isBlank() ? "default JVM options" : serverOpts.strip(), Runtime.getRuntime().availableProcessors(),
                    rawClient ? "raw sendfile" : "java.net.http", concurrency, Runtime.version(), opensslVersion()));
            out.append(String.format(Locale.ROOT, "small files   %d files  %.1f MB  %.1f files/s  %.1f MB/s   openssl %.0f MB/s   ratio %.2f%n",
                    smallCount, smallBytes / MB, smallOk / smallSecs, smallMBps, smallOpensslMBps, smallMBps / smallOpensslMBps));
            out.append(String.format(Locale.ROOT, "big file      %d MiB  %.2f s  %.0f MB/s   openssl %.0f MB/s   ratio %.2f  (target ≥ %.2f: %s)%n",
                    bigBytes >> 20, bigSecs, bigMBps, bigOpensslMBps, bigRatio, TARGET, bigRatio >= TARGET ? "met" : "NOT met"));
            double diskMBps = bigBytes / MB / bigDiskSecs;
            out.append(String.format(Locale.ROOT, "disk          dd bs=4M conv=fsync of the big file: %.0f MB/s = %.2f x openssl; upload/disk %.2f  (an upload is stored durably before its 201: it cannot outrun this)%n",
                    diskMBps, diskMBps / bigOpensslMBps, bigMBps / diskMBps));
            out.append(String.format(Locale.ROOT, "heap used     idle %s, peak %s during the small files;  big upload: before %s, peak %s, growth %s (incl. garbage)%n",
                    mib(smallBefore.minUsed), mib(smallWindow.maxUsed), mib(bigBefore.minUsed), mib(bigWindow.maxUsed),
                    signedMib(bigWindow.maxUsed - bigBefore.minUsed)));
            out.append(String.format(Locale.ROOT, "old gen       big upload: before %s, peak %s, growth %s;  after the last GC: %s before, %s at most during, %s after%n",
                    mib(bigBefore.minOld), mib(bigWindow.maxOld), signedMib(bigWindow.maxOld - bigBefore.minOld),
                    mib(ratioBytes(bigBefore.lastAfterGc, oldMax)), mib(ratioBytes(bigWindow.maxAfterGc, oldMax)),
                    mib(ratioBytes(bigAfter.lastAfterGc, oldMax))));
            if (c0 != null && c1 != null) {
                out.append(String.format(Locale.ROOT, "gc            during big upload: %.0f young/mixed pauses (%.0f ms), %s allocated (%.3f bytes per uploaded byte)%n",
                        c1.gcPauses - c0.gcPauses, (c1.gcPauseSecs - c0.gcPauseSecs) * 1000, mib((long) (c1.allocated - c0.allocated)),
                        (c1.allocated - c0.allocated) / bigBytes));
            }
            out.append(String.format(Locale.ROOT, "samples       %d heap samples during the big upload, every %d ms; MB = 10^6 bytes, MiB = 2^20 bytes%n",
                    bigWindow.samples, HeapPoller.INTERVAL_MS));
            out.append(String.format(Locale.ROOT, "load average  %s at the start, %s at the end (anything else running on the machine skews the figures)%n",
                    loadBefore, loadAverage()));
            out.append("""
                    notes         "heap used" is jvm.memory.used{area=heap}: everything in the heap, including garbage not yet
                                  collected, so its growth mostly shows eden filling up between young GCs. "old gen" is
                                  jvm.memory.used{id=G1 Old Gen}: what survived young GCs (humongous arrays land there too), the
                                  honest figure for memory an upload retains; "after the last GC" is jvm.memory.usage.after.gc x
                                  the old gen's max. A server that buffered the upload could not finish it within -Xmx at all.
                    """);
            System.out.print(out);
            if (smallOk != smallCount || !bigOk || failures > 0) {
                System.out.printf("%d upload(s) failed or returned a wrong digest; see the lines above%n", Math.max(failures, 1));
                return 1;
            }
            return 0;
        } finally {
            heap.stop();
            deleteTree(work);
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException ignored) {
                // already shutting down
            }
        }
    }

    // ---- small files ------------------------------------------------------------------------------

    record SmallFile(Path path, String name, long size, String sha256) {
    }

    static List<SmallFile> generateSmall(Path dir, int count) throws Exception {
        Files.createDirectories(dir);
        var random = new SplittableRandom(20260101L);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        List<SmallFile> files = new ArrayList<>(count);
        byte[] buffer = new byte[200 * 1024];
        for (int i = 0; i < count; i++) {
            int size = random.nextInt(20 * 1024, 200 * 1024 + 1);
            random.nextBytes(buffer);
            String name = "f-" + i + ".bin";
            Path p = dir.resolve(name);
            try (OutputStream out = Files.newOutputStream(p)) {
                out.write(buffer, 0, size);
            }
            sha.reset();
            sha.update(buffer, 0, size);
            files.add(new SmallFile(p, name, size, HexFormat.of().formatHex(sha.digest())));
        }
        return files;
    }

    int uploadSmall(List<SmallFile> files) throws Exception {
        AtomicInteger ok = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (SmallFile f : files) {
                futures.add(pool.submit(() -> {
                    try {
                        if (check(f.name(), upload(f.path(), f.name(), null), f.sha256())) {
                            ok.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException e) {
                        fail("%s: %s", f.name(), e);
                    }
                    return null;
                }));
            }
            for (Future<?> fut : futures) {
                fut.get();
            }
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        return ok.get();
    }

    /** openssl dgst -sha256 over all small files in batches, once to warm the page cache, then timed. */
    double opensslSmall(List<SmallFile> files) throws Exception {
        opensslSmallOnce(files, false);
        long t0 = System.nanoTime();
        opensslSmallOnce(files, true);
        return (System.nanoTime() - t0) / 1e9;
    }

    void opensslSmallOnce(List<SmallFile> files, boolean verify) throws Exception {
        int batch = 250;
        for (int from = 0; from < files.size(); from += batch) {
            List<SmallFile> part = files.subList(from, Math.min(files.size(), from + batch));
            List<String> cmd = new ArrayList<>(List.of("openssl", "dgst", "-sha256"));
            part.forEach(f -> cmd.add(f.path().toString()));
            String output = exec(cmd);
            if (verify) {
                Matcher m = OPENSSL_LINE.matcher(output);
                int matched = 0;
                while (m.find()) {
                    matched++;
                }
                if (matched != part.size()) {
                    fail("openssl printed %d digests for %d files", matched, part.size());
                }
            }
        }
    }

    // ---- big file ---------------------------------------------------------------------------------

    /**
     * Writes {@code size} bytes: a 1 MiB random block, re-keyed for every MiB by overwriting one long in every
     * 4 KiB with a counter, so no two MiB (and no two pages) are alike. Returns its SHA-256.
     */
    static byte[] generateBig(Path file, long size) throws Exception {
        byte[] block = new byte[1 << 20];
        new SplittableRandom(7L).nextBytes(block);
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (OutputStream out = Files.newOutputStream(file)) {
            long written = 0;
            for (long chunk = 0; written < size; chunk++) {
                for (int off = 0; off < block.length; off += 4096) {
                    long v = chunk * 0x9E3779B97F4A7C15L + off;
                    for (int b = 0; b < 8; b++) {
                        block[off + b] = (byte) (v >>> (8 * b));
                    }
                }
                int n = (int) Math.min(block.length, size - written);
                out.write(block, 0, n);
                sha.update(block, 0, n);
                written += n;
            }
        }
        return sha.digest();
    }

    double opensslBig(Path file, String expectedHex) throws Exception {
        exec(List.of("openssl", "dgst", "-sha256", file.toString()));
        long t0 = System.nanoTime();
        String output = exec(List.of("openssl", "dgst", "-sha256", file.toString()));
        double secs = (System.nanoTime() - t0) / 1e9;
        Matcher m = OPENSSL_LINE.matcher(output.strip());
        if (!m.find() || !m.group(2).equals(expectedHex)) {
            fail("openssl's digest of the big file differs from ours: %s", output.strip());
        }
        return secs;
    }

    /**
     * The disk's own durable write speed on the volume the server stores into: {@code dd} of the
     * big file (in the page cache after openssl read it) with an fsync at the end, as an upload
     * must before it answers.
     */
    double diskBig(Path file, Path work) throws Exception {
        Path copy = work.resolve("disk-probe.bin");
        try {
            long t0 = System.nanoTime();
            exec(List.of("dd", "if=" + file, "of=" + copy, "bs=4M", "conv=fsync"));
            return (System.nanoTime() - t0) / 1e9;
        } finally {
            Files.deleteIfExists(copy);
            settleDisk();
        }
    }

    /**
     * Uploads {@link #warmUps} different 256 MiB files, untimed, so the big upload meets a server
     * whose receive path the JIT has compiled at its top tier, as on a server that has been up a
     * while (after a single warm-up upload the compilers still took ~15 % of the CPU during the
     * timed one), then waits for the machine to be quiet.
     */
    void warmUp(Path work) throws Exception {
        long bytes = Math.min(bigBytes, WARM_UP_BYTES);
        log("warming up the server with %d untimed %d MiB uploads ...", warmUps, bytes >> 20);
        Path warm = work.resolve("warm-up.bin");
        for (int i = 1; i <= warmUps; i++) {
            byte[] digest = generateBig(warm, bytes - i); // another size, other content
            try {
                uploadBig(warm, HexFormat.of().formatHex(digest), digest);
            } finally {
                Files.deleteIfExists(warm);
            }
        }
        settleDisk();
        quiet("the warm-up uploads' metadata jobs and the JIT");
    }

    /** Waits for the machine to be quiet, so what the server does in the background is not timed with the next phase. */
    void quiet(String what) throws Exception {
        Machine.Settled settled = Machine.settle(Duration.ofMinutes(5));
        log("  waited %.1f s for %s to finish (%.1f CPU-s machine-wide)%s", settled.seconds(), what, settled.cpuSeconds(),
                settled.quiet() ? "" : "; the machine did NOT get quiet within 5 minutes: the next figures are skewed");
    }

    boolean uploadBig(Path file, String hex, byte[] digest) throws Exception {
        String reprDigest = "sha-256=:" + Base64.getEncoder().encodeToString(digest) + ":";
        return check("big.bin", upload(file, "big.bin", reprDigest), hex);
    }

    // ---- HTTP ---------------------------------------------------------------------------------------

    record Reply(int status, String body) {
    }

    /** The multipart framing around the file: one part named "file". */
    record Multipart(String boundary, byte[] head, byte[] tail) {

        static Multipart of(String filename) {
            String boundary = "atelier-bench-" + Long.toHexString(System.nanoTime()) + Long.toHexString(Thread.currentThread().threadId());
            byte[] head = ("--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"file\"; filename=\"" + filename + "\"\r\n"
                    + "Content-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
            return new Multipart(boundary, head, tail);
        }

        String contentType() {
            return "multipart/form-data; boundary=" + boundary;
        }
    }

    Reply upload(Path file, String filename, String reprDigest) throws IOException, InterruptedException {
        return rawClient ? uploadRaw(file, filename, reprDigest) : uploadHttpClient(file, filename, reprDigest);
    }

    /** java.net.http.HttpClient, the body streamed from disk by BodyPublishers.ofFile (nothing is read into memory). */
    Reply uploadHttpClient(Path file, String filename, String reprDigest) throws IOException, InterruptedException {
        var mp = Multipart.of(filename);
        BodyPublisher body = BodyPublishers.concat(BodyPublishers.ofByteArray(mp.head()), BodyPublishers.ofFile(file),
                BodyPublishers.ofByteArray(mp.tail()));
        var b = HttpRequest.newBuilder(base.resolve("/api/v1/assets"))
                .timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", mp.contentType())
                .POST(body);
        if (reprDigest != null) {
            b.header("Repr-Digest", reprDigest);
        }
        HttpResponse<String> r = http.send(b.build(), BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body());
    }

    /**
     * BENCH_CLIENT=raw: a minimal HTTP/1.1 client on a SocketChannel that sends the file with
     * FileChannel.transferTo (sendfile(2) on Linux), so the client costs next to no CPU and the figure is the
     * server's. One connection per upload ("Connection: close"), the response read to EOF.
     */
    Reply uploadRaw(Path file, String filename, String reprDigest) throws IOException {
        var mp = Multipart.of(filename);
        long length = mp.head().length + Files.size(file) + mp.tail().length;
        String headers = "POST /api/v1/assets HTTP/1.1\r\n"
                + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                + "Authorization: Bearer " + token + "\r\n"
                + "Content-Type: " + mp.contentType() + "\r\n"
                + "Content-Length: " + length + "\r\n"
                + (reprDigest == null ? "" : "Repr-Digest: " + reprDigest + "\r\n")
                + "Connection: close\r\n\r\n";
        try (var socket = SocketChannel.open(new InetSocketAddress(base.getHost(), base.getPort()));
                var in = FileChannel.open(file, StandardOpenOption.READ)) {
            try {
                writeFully(socket, ByteBuffer.wrap((headers).getBytes(StandardCharsets.ISO_8859_1)));
                writeFully(socket, ByteBuffer.wrap(mp.head()));
                for (long pos = 0, size = in.size(); pos < size; ) {
                    pos += in.transferTo(pos, size - pos, socket);
                }
                writeFully(socket, ByteBuffer.wrap(mp.tail()));
            } catch (IOException e) {
                // the server may have answered early (401, 413) and closed; its answer says more than EPIPE
            }
            String response = new String(Channels.newInputStream(socket).readAllBytes(), StandardCharsets.UTF_8);
            int split = response.indexOf("\r\n\r\n");
            if (!response.startsWith("HTTP/1.1 ") || split < 0) {
                throw new IOException("not an HTTP response: " + abbreviate(response));
            }
            String head = response.substring(0, split);
            String body = response.substring(split + 4);
            if (head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
                body = dechunk(body);
            }
            return new Reply(Integer.parseInt(head.substring(9, 12)), body);
        }
    }

    static void writeFully(SocketChannel socket, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            socket.write(buffer);
        }
    }

    static String dechunk(String chunked) {
        var out = new StringBuilder();
        int pos = 0;
        while (true) {
            int eol = chunked.indexOf("\r\n", pos);
            if (eol < 0) {
                return out.toString();
            }
            int size = Integer.parseInt(chunked.substring(pos, eol).split(";")[0].strip(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(chunked, eol + 2, Math.min(chunked.length(), eol + 2 + size)); // bytes = chars: the JSON is ASCII
            pos = eol + 2 + size + 2;
        }
    }

    boolean check(String name, Reply r, String expectedHex) {
        if (r.status() != 201) {
            fail("%s: HTTP %d %s", name, r.status(), abbreviate(r.body()));
            return false;
        }
        Matcher m = SHA256.matcher(r.body());
        if (!m.find()) {
            fail("%s: no sha256 in the response %s", name, abbreviate(r.body()));
            return false;
        }
        if (!m.group(1).equals(expectedHex)) {
            fail("%s: server says sha256 %s, the file has %s", name, m.group(1), expectedHex);
            return false;
        }
        return true;
    }

    // ---- heap polling -------------------------------------------------------------------------------

    /** @param allocated bytes allocated in the young generation so far (GC counter plus current eden) */
    record Counters(double gcPauses, double gcPauseSecs, double allocated) {
    }

    /**
     * Polls Actuator metrics every {@link #INTERVAL_MS} ms on its own connection. Authenticates with the
     * admin's Bearer token: HTTP Basic would run bcrypt on every poll and steal a core from the upload.
     */
    static final class HeapPoller implements Runnable {

        static final int INTERVAL_MS = 100;

        /** Extremes over a stretch of polling. */
        static final class Window {
            volatile long minUsed = Long.MAX_VALUE, maxUsed, minOld = Long.MAX_VALUE, maxOld;
            volatile double lastAfterGc = Double.NaN, maxAfterGc = Double.NaN;
            volatile int samples;

            synchronized void add(long used, long old, double afterGc) {
                if (used >= 0) {
                    minUsed = Math.min(minUsed, used);
                    maxUsed = Math.max(maxUsed, used);
                }
                if (old >= 0) {
                    minOld = Math.min(minOld, old);
                    maxOld = Math.max(maxOld, old);
                }
                if (!Double.isNaN(afterGc)) {
                    lastAfterGc = afterGc;
                    maxAfterGc = Double.isNaN(maxAfterGc) ? afterGc : Math.max(maxAfterGc, afterGc);
                }
                samples++;
            }
        }

        final URI base;
        final String token;
        final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        final Thread thread = new Thread(this, "heap-poller");
        volatile Window window;
        volatile boolean running = true;
        long oldGenMax = -1;

        HeapPoller(URI base, String token) {
            this.base = base;
            this.token = token;
            thread.setDaemon(true);
        }

        void start() {
            oldGenMax = (long) metric("jvm.memory.max?tag=id:G1%20Old%20Gen");
            thread.start();
        }

        Window begin() {
            var w = new Window();
            window = w;
            sample(w); // at least one sample, even for a very short phase
            return w;
        }

        void end() {
            Window w = window;
            window = null;
            if (w != null) {
                sample(w);
            }
        }

        /** Polls for {@code millis} without load and returns the window (its minimum is the baseline). */
        Window settle(long millis) throws InterruptedException {
            Window w = begin();
            Thread.sleep(millis);
            end();
            return w;
        }

        Counters counters() {
            String pause = get("jvm.gc.pause");
            String alloc = get("jvm.gc.memory.allocated");
            if (pause == null || alloc == null) {
                return null;
            }
            // the allocation counter only moves at a GC; what was allocated since is still in eden
            double eden = Math.max(0, metric("jvm.memory.used?tag=id:G1%20Eden%20Space"));
            return new Counters(stat(pause, "COUNT"), stat(pause, "TOTAL_TIME"), stat(alloc, "COUNT") + eden);
        }

        @Override
        public void run() {
            while (running) {
                Window w = window;
                if (w != null) {
                    sample(w);
                }
                try {
                    Thread.sleep(INTERVAL_MS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void sample(Window w) {
            long used = (long) metric("jvm.memory.used?tag=area:heap");
            long old = (long) metric("jvm.memory.used?tag=id:G1%20Old%20Gen");
            double afterGc = metric("jvm.memory.usage.after.gc?tag=area:heap");
            w.add(used, old, afterGc);
        }

        void stop() {
            running = false;
            thread.interrupt();
        }

        double metric(String path) {
            String body = get(path);
            if (body == null) {
                return -1;
            }
            Matcher m = VALUE.matcher(body);
            return m.find() ? Double.parseDouble(m.group(1)) : -1;
        }

        static double stat(String body, String statistic) {
            Matcher m = Pattern.compile("\"statistic\"\\s*:\\s*\"" + statistic + "\"\\s*,\\s*\"value\"\\s*:\\s*([-+0-9.eE]+)").matcher(body);
            return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
        }

        String get(String path) {
            try {
                var req = HttpRequest.newBuilder(base.resolve("/actuator/metrics/" + path))
                        .timeout(Duration.ofSeconds(5))
                        .header("Authorization", "Bearer " + token)
                        .GET().build();
                HttpResponse<String> r = client.send(req, BodyHandlers.ofString());
                return r.statusCode() == 200 ? r.body() : null;
            } catch (IOException e) {
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------

    static String exec(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd.subList(0, Math.min(3, cmd.size()))) + " failed: " + abbreviate(out));
        }
        return out;
    }

    /** Lets the kernel write back the generated input before a timed phase, so the upload's fsyncs don't pay for it. */
    static void settleDisk() {
        try {
            exec(List.of("sync"));
        } catch (Exception e) {
            // no sync(1): the figures are a little noisier
        }
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "n/a";
        }
    }

    static String opensslVersion() {
        try {
            return exec(List.of("openssl", "version")).strip().replaceAll("\\s*\\(Library:.*\\)", "");
        } catch (Exception e) {
            return "openssl ?";
        }
    }

    synchronized void fail(String format, Object... args) {
        failures++;
        System.out.println("ERROR " + String.format(Locale.ROOT, format, args));
    }

    static void log(String format, Object... args) {
        System.out.println("# " + String.format(Locale.ROOT, format, args));
    }

    static long ratioBytes(double ratio, long max) {
        return Double.isNaN(ratio) || ratio < 0 || max <= 0 ? -1 : Math.round(ratio * max);
    }

    static String mib(long bytes) {
        return bytes < 0 || bytes == Long.MAX_VALUE ? "n/a" : String.format(Locale.ROOT, "%.0f MiB", bytes / MiB);
    }

    static String signedMib(long bytes) {
        return String.format(Locale.ROOT, "%+.1f MiB", bytes / MiB);
    }

    static String abbreviate(String s) {
        s = s.replaceAll("\\s+", " ").strip();
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    static int intEnv(String name, int fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.strip());
    }

    static Map<String, String> parseArgs(String[] args) {
        var map = new java.util.HashMap<String, String>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            map.put(args[i].substring(2), args[i + 1]);
        }
        return map;
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
