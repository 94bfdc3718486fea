import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Media benchmark client for Atelier, run in phases by bench/media.sh (which starts and stops the
 * servers and nginx in between). Each phase adds its figures to {@code <work>/results.properties};
 * the last one prints them side by side with the baselines.
 *
 * <pre>
 *   java bench/MediaBench.java prepare --work DIR
 *   java bench/MediaBench.java server  --work DIR --engine libvips|java --base http://127.0.0.1:PORT --token atl_... --server-pid PID
 *   java bench/MediaBench.java load    --work DIR --base http://127.0.0.1:NGINX_PORT --server-pid NGINX_PID --nginx-version nginx/1.x
 *   java bench/MediaBench.java report  --work DIR
 * </pre>
 *
 * Environment: BENCH_PHOTOS (30), BENCH_WORKERS (2, only printed here), BENCH_HIT_REQUESTS (2000),
 * BENCH_HIT_WARMUP (a quarter of the requests), BENCH_HIT_CONCURRENCY (4), BENCH_ONLY (hit), BENCH_FORMAT_PHOTOS (10),
 * BENCH_HEAP (only printed). Plain JDK, no dependencies; JSON is read with regular expressions. Linux only: worker CPU and memory come from /proc.
 *
 * Units: MB = 10^6 bytes, MiB = 2^20 bytes; CPU-s = user + system seconds.
 */
public class MediaBench {

    // targets from the issue; missing one is reported, not failed
    static final double TARGET_INGEST_CPU = 1.0;       // CPU per image vs one vipsthumbnail over the folder, at most
    static final double TARGET_INGEST_THROUGHPUT = 2.0; // photos/s vs xargs -P2 vipsthumbnail, at least
    static final double TARGET_MISS_THROUGHPUT = 3.0;   // cache-miss req/s vs xargs -P2 vipsthumbnail --size 800, at least
    static final double TARGET_MISS_TAIL = 3.0;         // p99 / p50 of cache misses, at most
    static final double TARGET_HIT_VS_NGINX = 0.8;      // cache-hit req/s vs nginx on the same files, at least
    static final double TARGET_WEBP = 1.15;             // WebP / JPEG worker CPU, at most
    static final double TARGET_AVIF = 4.0;              // AVIF / JPEG worker CPU, at most

    // the photos: a 12 MP camera's 4:3 frame, and a 50 MP one (3:2) for the memory figure; both even
    static final int PHOTO_W = 4000, PHOTO_H = 3000;
    static final int BIG_W = 8660, BIG_H = 5774;
    static final int PHOTO_QUALITY = 90;

    // what the server writes, so the baselines encode the same: previews and thumbnails at Q=85 (atelier.media.jpeg-quality),
    // dynamic renditions at q=80 (the default), JPEG with optimize_coding and metadata stripped, as VipsImageEngine saves them
    static final String PREVIEW_SAVE = "[Q=85,strip,optimize_coding]";
    static final String DYNAMIC_SAVE = "[Q=80,strip,optimize_coding]";

    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"(\\w+)\"");
    static final Pattern REASON = Pattern.compile("\"reason\"\\s*:\\s*\"([^\"]*)\"");
    static final Pattern PATH = Pattern.compile("\"path\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern TIMES = Pattern.compile("(\\d+)m([0-9.]+)s");

    static final double MB = 1e6;
    static final double MiB = 1024.0 * 1024.0;

    final Path work;
    final Map<String, String> args;
    final Properties results = new Properties();
    final int photoCount = intEnv("BENCH_PHOTOS", 30);
    /** Photos uploaded before the timed ingest (other seeds than the timed ones), so it is timed on a warmed-up server. */
    final int warmUpPhotos = Math.max(1, intEnv("BENCH_WARMUP_PHOTOS", 10));
    /** BENCH_ONLY=hit: photos, upload, cache misses and hits (and nginx) only; no baselines, formats, memory or Java run. */
    static final boolean HITS_ONLY = "hit".equals(System.getenv("BENCH_ONLY"));
    /** BENCH_VIDEO_MB: size of the video for the memory figure (MiB, default 2048 = the issue's 2 GiB); 0 leaves it out. */
    final int videoMb = intEnv("BENCH_VIDEO_MB", 2048);
    int failures;

    MediaBench(Path work, Map<String, String> args) {
        this.work = work;
        this.args = args;
    }

    public static void main(String[] argv) throws Exception {
        if (argv.length < 1) {
            usage();
        }
        Map<String, String> a = parseArgs(Arrays.copyOfRange(argv, 1, argv.length));
        if (!a.containsKey("work")) {
            usage();
        }
        var bench = new MediaBench(Path.of(a.get("work")), a);
        bench.loadResults();
        int rc;
        try {
            rc = switch (argv[0]) {
                case "prepare" -> bench.prepare();
                case "server" -> bench.server();
                case "load" -> bench.nginx();
                case "report" -> bench.report();
                default -> {
                    usage();
                    yield 2;
                }
            };
        } catch (BenchError e) {
            // the server answered wrongly: say what, keep what was measured so far, and exit 1
            bench.fail("%s", e.getMessage());
            rc = 1;
        }
        bench.storeResults();
        System.exit(rc);
    }

    static void usage() {
        System.err.println("usage: java MediaBench.java prepare|server|load|report --work DIR [--engine libvips|java --base URL "
                + "--token TOKEN --server-pid PID]  (see bench/media.sh)");
        System.exit(2);
    }

    // =====================================================================================================
    // prepare: the input photos and the command-line baselines
    // =====================================================================================================

    int prepare() throws Exception {
        put("loadavg.start", loadAverage());
        var other = new OtherLoad(-1);
        Path photos = work.resolve("photos");
        Path extra = work.resolve("extra");
        Files.createDirectories(photos);
        Files.createDirectories(extra);

        log("generating %d synthetic 4000×3000 photo-like JPEGs, %d warm-up photos%s with vips ...", photoCount, warmUpPhotos,
                HITS_ONLY ? "" : " and one 50 MP JPEG");
        long t0 = System.nanoTime();
        // two at a time: each vips step is mostly single-threaded, and the machine has two cores
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> jobs = new ArrayList<>();
        if (!HITS_ONLY) {
            jobs.add(pool.submit(() -> generatePhoto(extra.resolve("big-50mp.jpg"), BIG_W, BIG_H, 9999)));
        }
        for (int i = 0; i < photoCount; i++) {
            int seed = i + 1;
            jobs.add(pool.submit(() -> generatePhoto(photos.resolve(String.format(Locale.ROOT, "photo-%03d.jpg", seed)), PHOTO_W, PHOTO_H, seed)));
        }
        List<Path> warmUps = warmUpFiles();
        for (int i = 0; i < warmUps.size(); i++) {
            Path warmUp = warmUps.get(i);
            int seed = 5000 + i;
            jobs.add(pool.submit(() -> generatePhoto(warmUp, PHOTO_W, PHOTO_H, seed)));
        }
        try {
            for (Future<?> job : jobs) {
                job.get();
            }
        } finally {
            pool.shutdown();
        }
        List<Path> files = photoFiles();
        long bytes = 0;
        for (Path p : files) {
            bytes += Files.size(p);
        }
        log("  done in %.0f s; %.2f MB per photo on average", (System.nanoTime() - t0) / 1e9, bytes / MB / files.size());
        put("photos.count", files.size());
        put("photos.mb", bytes / MB / files.size());
        put("vips.version", exec(List.of("vips", "--version")).strip());
        if (HITS_ONLY) {
            put("other.prepare", other.cores());
            return 0;
        }
        put("big.mb", Files.size(extra.resolve("big-50mp.jpg")) / MB);

        Path out = work.resolve("baseline-out");
        // one untimed run so the first timed one does not pay for loading libvips and its plugins from disk
        run(List.of("vipsthumbnail", "--size", "800", "-o", out("warm") + "/%s.jpg", files.getFirst().toString()));

        // A: one vipsthumbnail process per size over the whole folder: the cheapest way to make both sizes
        log("baseline A: one vipsthumbnail over the folder per size (2048, then 400) ...");
        Times a2048 = timed(concat(List.of("vipsthumbnail", "--size", "2048", "-o", out("a") + "/%s_2048.jpg" + PREVIEW_SAVE), files));
        Times a400 = timed(concat(List.of("vipsthumbnail", "--size", "400", "-o", out("a") + "/%s_400.jpg" + PREVIEW_SAVE), files));
        put("base.folder.cpu", a2048.cpu() + a400.cpu());
        put("base.folder.sys", a2048.sys() + a400.sys());
        put("base.folder.wall", a2048.wall() + a400.wall());
        log("  %.1f CPU-s (%.1f + %.1f), %.1f s wall", a2048.cpu() + a400.cpu(), a2048.cpu(), a400.cpu(), a2048.wall() + a400.wall());

        // B: a process per image and size, two at a time, as a simple batch script would do it
        log("baseline B: xargs -P2, one vipsthumbnail per image per size ...");
        List<String> lines = new ArrayList<>();
        for (Path f : files) {
            lines.add("--size 2048 -o " + out("b") + "/%s_2048.jpg" + PREVIEW_SAVE + " " + f);
            lines.add("--size 400 -o " + out("b") + "/%s_400.jpg" + PREVIEW_SAVE + " " + f);
        }
        Times b = xargs(lines);
        put("base.xargs.wall", b.wall());
        put("base.xargs.cpu", b.cpu());
        log("  %.1f s wall = %.2f photos/s, %.1f CPU-s", b.wall(), files.size() / b.wall(), b.cpu());

        // C: the dynamic rendition's counterpart, 800 px at q=80
        log("baseline C: xargs -P2 vipsthumbnail --size 800 ...");
        lines.clear();
        for (Path f : files) {
            lines.add("--size 800 -o " + out("c") + "/%s_800.jpg" + DYNAMIC_SAVE + " " + f);
        }
        Times c = xargs(lines);
        put("base.800.wall", c.wall());
        put("base.800.cpu", c.cpu());
        log("  %.1f s wall = %.2f photos/s, %.1f CPU-s", c.wall(), files.size() / c.wall(), c.cpu());
        deleteTree(out);
        put("other.prepare", other.cores());
        return 0;
    }

    /**
     * A photo-like JPEG, made only with vips so that it compresses (and so decodes) roughly like a
     * camera's: smooth colour areas from a few dozen random values scaled up with a cubic kernel, plus
     * blurred per-pixel grain. Brightness, colourfulness and grain vary with {@code seed}. It is
     * still synthetic: no edges, faces or text, and no EXIF or ICC profile.
     */
    void generatePhoto(Path target, int width, int height, int seed) {
        try {
            Path tmp = Files.createTempDirectory(work, "gen-");
            try {
                var r = new SplittableRandom(seed);
                double mean = 95 + r.nextInt(50);
                double sigmaLight = 30 + r.nextInt(25);
                double sigmaColour = 10 + r.nextInt(16);
                double grain = 9 + r.nextInt(10);
                int w = Math.max(2, Math.round(width / 250f));
                int h = Math.max(2, Math.round(height / 250f));
                String t = tmp.toString();
                // a few dozen random light values, and three colour offsets per cell (bandfold: 3w×h → w×h×3)
                vips("gaussnoise", t + "/l.v", w, h, "--sigma", sigmaLight, "--mean", mean, "--seed", seed * 16 + 1);
                vips("gaussnoise", t + "/c.v", 3 * w, h, "--sigma", sigmaColour, "--mean", 0, "--seed", seed * 16 + 2);
                vips("bandfold", t + "/c.v", t + "/c3.v", "--factor", 3);
                vips("add", t + "/l.v", t + "/c3.v", t + "/small.v");
                // to 8 bits before scaling up, so the full-size intermediate is a quarter of a float one
                vips("cast", t + "/small.v", t + "/small8.v", "uchar");
                vips("resize", t + "/small8.v", t + "/base.v", (double) width / w, "--vscale", (double) height / h, "--kernel", "cubic");
                // grain at half size, scaled up (which also softens it, as a lens and demosaicing do)
                vips("gaussnoise", t + "/g.v", width / 2, height / 2, "--sigma", grain, "--mean", 0, "--seed", seed * 16 + 3);
                vips("cast", t + "/g.v", t + "/g8.v", "char");
                vips("resize", t + "/g8.v", t + "/grain.v", 2, "--kernel", "linear");
                // the sum is clipped to 8 bits and encoded in the same step
                vips("add", t + "/base.v", t + "/grain.v", target + "[Q=" + PHOTO_QUALITY + "]");
            } finally {
                deleteTree(tmp);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not generate " + target + ": " + e.getMessage(), e);
        }
    }

    static void vips(Object... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("vips"));
        for (Object a : args) {
            cmd.add(a instanceof Double d ? String.format(Locale.ROOT, "%.6f", d) : a.toString());
        }
        run(cmd);
    }

    String out(String name) throws IOException {
        Path dir = work.resolve("baseline-out").resolve(name);
        Files.createDirectories(dir);
        return dir.toString();
    }

    /** User + system CPU of a command and its children, from bash's {@code times}, and the wall time. */
    record Times(double user, double sys, double wall) {
        double cpu() {
            return user + sys;
        }
    }

    static Times timed(List<String> cmd) throws IOException, InterruptedException {
        // the command's own output is kept for an error message; on success only `times` is printed
        List<String> full = new ArrayList<>(List.of("bash", "-c",
                "out=$(\"$@\" 2>&1) || { printf '%s\\n' \"$out\"; exit 1; }; times", "bash"));
        full.addAll(cmd);
        var pb = new ProcessBuilder(full).redirectErrorStream(true);
        pb.environment().put("LC_ALL", "C"); // `times` with a decimal point
        long t0 = System.nanoTime();
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        double wall = (System.nanoTime() - t0) / 1e9;
        if (rc != 0) {
            throw new IOException(cmd.getFirst() + " failed: " + abbreviate(output));
        }
        // two lines: the shell's own user/sys, then its children's
        Matcher m = TIMES.matcher(output);
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            if (!m.find()) {
                throw new IOException("unexpected output of times: " + output);
            }
            v[i] = Integer.parseInt(m.group(1)) * 60 + Double.parseDouble(m.group(2));
        }
        return new Times(v[2], v[3], wall);
    }

    /** xargs -P2 -L1 vipsthumbnail, one line of arguments per process. */
    Times xargs(List<String> lines) throws IOException, InterruptedException {
        Path jobs = work.resolve("xargs-jobs.txt");
        Files.write(jobs, lines);
        try {
            return timed(List.of("xargs", "-P2", "-L1", "-a", jobs.toString(), "vipsthumbnail"));
        } finally {
            Files.deleteIfExists(jobs);
        }
    }

    List<Path> photoFiles() throws IOException {
        try (Stream<Path> s = Files.list(work.resolve("photos"))) {
            return s.filter(p -> p.toString().endsWith(".jpg")).sorted().toList();
        }
    }

    // =====================================================================================================
    // server: ingest, dynamic renditions, formats and memory against a running Atelier
    // =====================================================================================================

    URI base;
    String token;
    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    int server() throws Exception {
        for (String required : List.of("engine", "base", "token", "server-pid")) {
            if (!args.containsKey(required)) {
                usage();
            }
        }
        String engine = args.get("engine");
        base = URI.create(args.get("base").replaceAll("/+$", ""));
        token = args.get("token");
        List<Path> files = photoFiles();
        long serverPid = Long.parseLong(args.get("server-pid"));
        var other = new OtherLoad(serverPid);
        try (var watch = new ProcWatch(serverPid)) {
            // Photos outside the measurement make sure the workers run (they start on first use, or with the server)
            // and warm the code paths, as on a server that has been up a while: a JVM compiles what it runs often, and
            // one upload left the JIT compiling the upload path through the timed ones. Their CPU is reported on its own.
            put(engine + ".workers.early", watch.alive().size());
            log("[%s] warm-up: %d photos, 2 at a time (%d media workers running before them) ...", engine, warmUpPhotos,
                    watch.alive().size());
            var before = watch.snapshot();
            List<String> warmIds = parallel(warmUpFiles(), 2, this::upload);
            awaitRenditions(warmIds);
            String warmId = warmIds.getFirst();
            put(engine + ".warmup.cpu", watch.workerCpuSince(before));
            put(engine + ".workers", watch.alive().size());
            // The ingest is timed on a settled server, as the later phases are: the warm-up photos' enrichment (OCR, pixel
            // analysis) and the JIT's backlog from start-up (compiling start-up code for seconds after UP) done first.
            Machine.Settled warmed = Machine.settle(Duration.ofMinutes(5));
            log("  warm-up settled after %.1f s more, %.1f CPU-s machine-wide (start-up JIT backlog, the photos' enrichment)%s",
                    warmed.seconds(), warmed.cpuSeconds(), warmed.quiet() ? "" : "; NOT quiet after 5 minutes: the ingest runs beside other work");
            put(engine + ".warmup.settle", warmed.seconds());

            ingest(engine, files, watch);
            settle(engine);
            if (engine.equals("libvips") && failures == 0) {
                List<String> ids = List.of(results.getProperty("libvips.ids").split(","));
                dynamic(ids, warmId, watch);
                if (!HITS_ONLY) {
                    formats(ids, warmId, watch);
                }
            }
            if (failures == 0 && !HITS_ONLY) {
                memory(engine, watch);
                // video goes to ffmpeg whatever the image engine: measured once, with the libvips server
                if (engine.equals("libvips") && videoMb > 0) {
                    videoMemory(watch);
                }
            }
            put(engine + ".workers.seen", watch.seen());
        }
        put("other." + engine, other.cores());
        return failures == 0 ? 0 : 1;
    }

    List<Path> warmUpFiles() {
        return IntStream.range(0, warmUpPhotos)
                .mapToObj(i -> work.resolve(String.format(Locale.ROOT, "extra/warm-up-%02d.jpg", i))).toList();
    }

    /** All photos uploaded two at a time; the clock stops when every asset's renditions have settled. */
    void ingest(String engine, List<Path> files, ProcWatch watch) throws Exception {
        log("[%s] ingest: uploading %d photos (2 at a time) and waiting for their thumbnails and previews ...", engine, files.size());
        var before = watch.snapshot();
        double serverBefore = watch.serverCpu();
        Map<Long, ProcWatch.ThreadTicks> threadsBefore = watch.serverThreads();
        long t0 = System.nanoTime();
        List<String> ids = parallel(files, 2, this::upload);
        double uploaded = (System.nanoTime() - t0) / 1e9;
        awaitRenditions(ids);
        double secs = (System.nanoTime() - t0) / 1e9;
        double allWorkers = watch.workerCpuSince(before);
        double enrichment = watch.enrichmentCpuSince(before);
        double workerCpu = allWorkers - enrichment;
        double workerSys = watch.workerSysSince(before);
        double serverCpu = watch.serverCpu() - serverBefore;
        String byThread = watch.serverThreadsSince(threadsBefore, serverCpu);
        log("  uploads done after %.1f s, renditions after %.1f s; rendition workers %.1f CPU-s, enrichment workers %.1f CPU-s,"
                + " server %.1f CPU-s", uploaded, secs, workerCpu, enrichment, serverCpu);
        log("  server CPU by thread: %s", byThread);
        results.setProperty(engine + ".ingest.serverThreads", byThread);
        put(engine + ".ingest.wall", secs);
        put(engine + ".ingest.upload", uploaded);
        put(engine + ".ingest.workerCpu", workerCpu);
        put(engine + ".ingest.workerSys", workerSys);
        put(engine + ".ingest.enrichmentCpu", enrichment);
        put(engine + ".ingest.serverCpu", serverCpu);
        results.setProperty(engine + ".ids", String.join(",", ids));
    }

    /**
     * Waits until the machine is quiet (under a tenth of a core busy for two seconds in a row): the uploads' enrichment
     * (file metadata, pixel analysis with colours and faces, OCR and text) runs after their previews, and the phases that
     * follow are timed on a server with nothing else to do. Records how long that took and the CPU the machine spent on it.
     */
    void settle(String engine) throws Exception {
        Machine.Settled settled = Machine.settle(Duration.ofMinutes(10));
        double secs = settled.seconds();
        double cpu = settled.cpuSeconds();
        log("  enrichment after the previews (metadata, pixel analysis and faces, OCR) settled after %.1f s more, %.1f CPU-s machine-wide%s",
                secs, cpu, settled.quiet() ? "" : "; NOT quiet after 10 minutes: the next phases run beside it");
        put(engine + ".enrich.wall", secs);
        put(engine + ".enrich.cpu", cpu);
    }

    /** Cache misses (one per photo, w=800 JPEG), then cache hits on the same URLs. */
    void dynamic(List<String> ids, String warmId, ProcWatch watch) throws Exception {
        int hitRequests = intEnv("BENCH_HIT_REQUESTS", 2000);
        int hitConcurrency = intEnv("BENCH_HIT_CONCURRENCY", 4);
        String spec = "w=800&fm=jpeg";
        log("dynamic renditions: signing %d URLs (%s) ...", ids.size(), spec);
        List<URI> urls = parallel(ids, 2, id -> sign(id, spec));
        // one miss outside the measurement: the first request through the rendition path compiles it
        load("warm-up miss", List.of(sign(warmId, spec)), 1, 1, null, "image/jpeg");

        Path www = work.resolve("www");
        Files.createDirectories(www);
        log("cache misses: %d requests, concurrency 2 ...", urls.size());
        var before = watch.snapshot();
        double serverBeforeMiss = watch.serverCpu();
        Load miss = load("cache miss", urls, urls.size(), 2, www, "image/jpeg");
        double workerCpu = watch.workerCpuSince(before);
        double serverCpu = watch.serverCpu() - serverBeforeMiss;
        log("  %s; workers %.3f, server %.3f CPU-s per image", miss, workerCpu / urls.size(), serverCpu / urls.size());
        put("miss", miss);
        put("miss.workerCpu", workerCpu);
        put("miss.serverCpu", serverCpu);

        log("cache hits: %d requests over the same %d URLs, concurrency %d (after %d untimed) ...", hitRequests, urls.size(),
                hitConcurrency, warmUpRequests(hitRequests));
        load("warm-up hits", urls, warmUpRequests(hitRequests), hitConcurrency, null, "image/jpeg");
        double serverBefore = watch.serverCpu();
        double clientBefore = ProcWatch.selfCpu();
        Load hit = load("cache hit", urls, hitRequests, hitConcurrency, null, "image/jpeg");
        double serverMs = (watch.serverCpu() - serverBefore) * 1000 / hitRequests;
        double clientMs = (ProcWatch.selfCpu() - clientBefore) * 1000 / hitRequests;
        log("  %s; server %.2f ms CPU per request, client %.2f ms", hit, serverMs, clientMs);
        put("hit.serverMs", serverMs);
        put("hit.clientMs", clientMs);
        put("hit", hit);
        put("hit.concurrency", hitConcurrency);
    }

    /** The same photos at w=1600 in JPEG, WebP and AVIF: worker CPU per format, all cache misses. */
    void formats(List<String> ids, String warmId, ProcWatch watch) throws Exception {
        List<String> some = ids.subList(0, Math.min(ids.size(), intEnv("BENCH_FORMAT_PHOTOS", 10)));
        put("fmt.count", some.size());
        for (String fm : List.of("jpeg", "webp", "avif")) {
            String spec = "w=1600&fm=" + fm;
            String type = "image/" + fm;
            List<URI> urls = parallel(some, 2, id -> sign(id, spec));
            // an untimed one first: the encoder's library is loaded and initialised on first use
            load("warm-up " + fm, List.of(sign(warmId, spec)), 1, 1, null, type);
            log("format %s: %d cache misses at w=1600, concurrency 2 ...", fm, urls.size());
            var before = watch.snapshot();
            Load l = load(fm, urls, urls.size(), 2, null, type);
            double cpu = watch.workerCpuSince(before);
            log("  %s; workers %.2f CPU-s per image, %.0f KB per image", l, cpu / urls.size(), l.bytes / 1e3 / urls.size());
            put("fmt." + fm + ".cpu", cpu / urls.size());
            put("fmt." + fm + ".kb", l.bytes / 1e3 / urls.size());
        }
    }

    /** Peak resident memory of the server and each worker while one 50 MP JPEG gets its renditions. */
    void memory(String engine, ProcWatch watch) throws Exception {
        log("[%s] memory: uploading one 50 MP JPEG (%d×%d) ...", engine, BIG_W, BIG_H);
        // VmHWM counts from the process's start unless reset; writing 5 to clear_refs resets it (Linux 4.0+, own processes or root)
        boolean reset = watch.resetPeaks();
        long t0 = System.nanoTime();
        String id = upload(work.resolve("extra/big-50mp.jpg"));
        awaitRenditions(List.of(id));
        double secs = (System.nanoTime() - t0) / 1e9;
        watch.sample();
        // "peak (resident when the upload began)" per process, the busiest worker first
        String server = watch.peakAndStart(watch.serverPid);
        String workers = watch.alive().stream().sorted(Comparator.comparingLong(watch::peakKb).reversed()).map(watch::peakAndStart)
                .collect(Collectors.joining(", "));
        log("  renditions after %.1f s; VmHWM server %s, workers %s%s", secs, server, workers,
                reset ? " (reset before the upload)" : " (since start: clear_refs not writable)");
        results.setProperty(engine + ".mem.server", server);
        results.setProperty(engine + ".mem.workers", workers);
        results.setProperty(engine + ".mem.reset", Boolean.toString(reset));
        put(engine + ".mem.wall", secs);
    }

    /**
     * Peak resident memory of the server, each worker and every ffmpeg/ffprobe run while one large video
     * is uploaded and gets its poster, preview, filmstrip and 720p proxy. The video is made here by ffmpeg
     * (1080p test pattern with noise so it does not compress away, MPEG-4 Part 2 at about 160 Mbit/s, AAC)
     * and cut at the size asked with {@code -fs}; it is kept in the work directory between the steps.
     */
    void videoMemory(ProcWatch watch) throws Exception {
        Path video = work.resolve("extra/video-" + videoMb + "mb.mp4");
        if (!Files.exists(video)) {
            log("[video] making a %d MiB 1080p video with ffmpeg ...", videoMb);
            long t0 = System.nanoTime();
            Path partial = work.resolve("extra/video.partial.mp4");
            exec(List.of("ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=30,noise=alls=30:allf=t",
                    "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", "1800", "-c:v", "mpeg4", "-b:v", "160M",
                    "-maxrate", "160M", "-bufsize", "320M", "-c:a", "aac", "-b:a", "128k", "-fs", Long.toString(videoMb * 1024L * 1024L),
                    "-f", "mp4", partial.toString()));
            Files.move(partial, video);
            log("  made in %.0f s", (System.nanoTime() - t0) / 1e9);
        }
        String probe = exec(List.of("ffprobe", "-v", "error", "-select_streams", "v:0", "-show_entries",
                "stream=width,height,codec_name:format=duration", "-of", "default=noprint_wrappers=1", video.toString()));
        log("[video] memory: uploading %s (%.0f MiB; %s) ...", video.getFileName(), Files.size(video) / MiB, probe.replace('\n', ' ').strip());
        boolean reset = watch.resetPeaks();
        long t0 = System.nanoTime();
        String id = upload(video);
        double uploaded = (System.nanoTime() - t0) / 1e9;
        awaitRenditions(List.of(id));
        double secs = (System.nanoTime() - t0) / 1e9;
        watch.sample();
        String server = watch.peakAndStart(watch.serverPid);
        String workers = watch.alive().stream().sorted(Comparator.comparingLong(watch::peakKb).reversed()).map(watch::peakAndStart)
                .collect(Collectors.joining(", "));
        String tools = watch.toolPeaks();
        log("  upload %.1f s, renditions after %.1f s; VmHWM server %s, workers %s, tools %s", uploaded, secs, server, workers, tools);
        results.setProperty("video.mib", String.format(Locale.ROOT, "%.0f", Files.size(video) / MiB));
        results.setProperty("video.probe", probe.replace('\n', ' ').strip());
        results.setProperty("video.server", server);
        results.setProperty("video.workers", workers);
        results.setProperty("video.tools", tools);
        results.setProperty("video.reset", Boolean.toString(reset));
        put("video.upload", uploaded);
        put("video.wall", secs);
    }

    // =====================================================================================================
    // load: the nginx baseline, the same client on the same bytes
    // =====================================================================================================

    int nginx() throws Exception {
        if (!args.containsKey("base")) {
            usage();
        }
        URI nginx = URI.create(args.get("base").replaceAll("/+$", ""));
        List<URI> urls;
        try (Stream<Path> s = Files.list(work.resolve("www"))) {
            urls = s.map(p -> p.getFileName().toString()).sorted().map(name -> nginx.resolve("/" + name)).toList();
        }
        int requests = intEnv("BENCH_HIT_REQUESTS", 2000);
        int concurrency = intEnv("BENCH_HIT_CONCURRENCY", 4);
        log("nginx: %d requests over the same %d files, concurrency %d (after %d untimed) ...", requests, urls.size(), concurrency,
                warmUpRequests(requests));
        load("warm-up nginx", urls, warmUpRequests(requests), concurrency, null, "image/jpeg");
        long nginxPid = Long.parseLong(args.getOrDefault("server-pid", "-1"));
        var other = new OtherLoad(nginxPid);
        double serverBefore = ProcWatch.treeCpu(nginxPid);
        double clientBefore = ProcWatch.selfCpu();
        Load l = load("nginx", urls, requests, concurrency, null, "image/jpeg");
        double serverMs = (ProcWatch.treeCpu(nginxPid) - serverBefore) * 1000 / requests;
        double clientMs = (ProcWatch.selfCpu() - clientBefore) * 1000 / requests;
        log("  %s; nginx %.2f ms CPU per request, client %.2f ms", l, serverMs, clientMs);
        put("nginx", l);
        put("nginx.serverMs", serverMs);
        put("nginx.clientMs", clientMs);
        put("other.nginx", other.cores());
        results.setProperty("nginx.version", args.getOrDefault("nginx-version", "nginx"));
        return failures == 0 ? 0 : 1;
    }

    /** Untimed requests before the timed ones: BENCH_HIT_WARMUP, else a quarter of them (at least 100). */
    static int warmUpRequests(int requests) {
        return intEnv("BENCH_HIT_WARMUP", Math.max(100, requests / 4));
    }

    // =====================================================================================================
    // report
    // =====================================================================================================

    int report() {
        int n = (int) num("photos.count");
        double folderCpu = num("base.folder.cpu") / n;
        double xargsRate = n / num("base.xargs.wall");
        double rate800 = n / num("base.800.wall");
        var out = new StringBuilder();
        line(out, "%nmedia benchmark  (%d cores, %s media workers, server -Xmx%s, %s, %s, Java %s)", Runtime.getRuntime().availableProcessors(),
                System.getenv().getOrDefault("BENCH_WORKERS", "2"), System.getenv().getOrDefault("BENCH_HEAP", "256m"),
                results.getProperty("vips.version", "vips ?"), results.getProperty("nginx.version", "no nginx"), Runtime.version());
        line(out, "input         %d SYNTHETIC photo-like JPEGs %d×%d (%.0f MP, Q%d, %.2f MB each on average), made with vips gaussnoise + resize;"
                + " not real photos", n, PHOTO_W, PHOTO_H, PHOTO_W * PHOTO_H / 1e6, PHOTO_QUALITY, num("photos.mb"));
        boolean baselines = results.containsKey("base.folder.cpu");
        if (baselines) {
            line(out, "baselines     A: one vipsthumbnail over the folder (--size 2048, then --size 400): %.3f CPU-s/image (%.0f %% system);"
                    + "  B: xargs -P2, a vipsthumbnail per image per size: %.2f photos/s (%.3f CPU-s/image);"
                    + "  C: xargs -P2 vipsthumbnail --size 800: %.2f photos/s (%.3f CPU-s/image)",
                    folderCpu, 100 * num("base.folder.sys") / num("base.folder.cpu"), xargsRate, num("base.xargs.cpu") / n, rate800,
                    num("base.800.cpu") / n);
        }
        for (String engine : List.of("libvips", "java")) {
            if (!baselines || !results.containsKey(engine + ".ingest.wall")) {
                continue;
            }
            double wall = num(engine + ".ingest.wall");
            double cpu = num(engine + ".ingest.workerCpu") / n;
            double rate = n / wall;
            boolean targets = engine.equals("libvips");
            line(out, "ingest        %s, %d workers: %d photos in %.1f s = %.2f photos/s;  rendition workers %.3f CPU-s/image (%.0f %% system"
                    + " of all workers), enrichment workers meanwhile %.3f, server %.3f CPU-s/image"
                    + "  (%d warm-up photos%s: %.1f CPU-s, not counted)",
                    targets ? "libvips engine" : "pure-Java engine (ImageIO, --atelier.media.libvips=false)",
                    (int) num(engine + ".workers"), n, wall, rate, cpu,
                    100 * num(engine + ".ingest.workerSys") / (num(engine + ".ingest.workerCpu") + num(engine + ".ingest.enrichmentCpu")),
                    num(engine + ".ingest.enrichmentCpu") / n, num(engine + ".ingest.serverCpu") / n,
                    warmUpPhotos, num(engine + ".workers.early") > 0 ? "" : " incl. worker start-up", num(engine + ".warmup.cpu"));
            line(out, "              CPU per image vs one vipsthumbnail over the folder: %.2f×%s", cpu / folderCpu,
                    targets ? target(cpu / folderCpu <= TARGET_INGEST_CPU, "≤", TARGET_INGEST_CPU) : "  (no target)");
            line(out, "              throughput vs xargs -P2 vipsthumbnail: %.2f×%s", rate / xargsRate,
                    targets ? target(rate / xargsRate >= TARGET_INGEST_THROUGHPUT, "≥", TARGET_INGEST_THROUGHPUT) : "  (no target)");
            if (results.containsKey(engine + ".ingest.serverThreads")) {
                line(out, "              server CPU by thread (CPU-s over the %d photos): %s", n, results.getProperty(engine + ".ingest.serverThreads"));
            }
            if (results.containsKey(engine + ".enrich.wall")) {
                line(out, "              then enrichment (file metadata, pixel analysis with colours and faces, OCR): %.1f s more, %.2f CPU-s/image"
                        + " machine-wide; previews come first, the phases below start once it is done", num(engine + ".enrich.wall"),
                        num(engine + ".enrich.cpu") / n);
            }
        }
        if (results.containsKey("miss.rate")) {
            double rate = num("miss.rate");
            double tail = num("miss.p99") / num("miss.p50");
            line(out, "dynamic miss  w=800 fm=jpeg, %d requests (one per photo), concurrency 2: %.2f req/s, p50 %.0f ms, p99 %.0f ms;"
                    + "  workers %.3f, server %.3f CPU-s/image", (int) num("miss.count"), rate, num("miss.p50"), num("miss.p99"),
                    num("miss.workerCpu") / n, num("miss.serverCpu") / n);
            if (baselines) {
                line(out, "              throughput vs xargs -P2 vipsthumbnail --size 800: %.2f×%s", rate / rate800,
                        target(rate / rate800 >= TARGET_MISS_THROUGHPUT, "≥", TARGET_MISS_THROUGHPUT));
            }
            line(out, "              p99/p50: %.2f%s", tail, target(tail <= TARGET_MISS_TAIL, "≤", TARGET_MISS_TAIL));
        }
        if (results.containsKey("hit.rate")) {
            line(out, "cache hit     %d requests over the %d URLs (after %d untimed), concurrency %d: %.0f req/s, p50 %.2f ms, p99 %.2f ms;"
                    + "  CPU per request: server %.2f ms, client %.2f ms", (int) num("hit.count"), n,
                    warmUpRequests((int) num("hit.count")), (int) num("hit.concurrency"),
                    num("hit.rate"), num("hit.p50"), num("hit.p99"), num("hit.serverMs"), num("hit.clientMs"));
            if (results.containsKey("nginx.rate")) {
                double ratio = num("hit.rate") / num("nginx.rate");
                line(out, "              nginx on the same files, same client: %.0f req/s, p50 %.2f ms, p99 %.2f ms;  CPU per request: nginx %.2f ms,"
                        + " client %.2f ms", num("nginx.rate"), num("nginx.p50"), num("nginx.p99"), num("nginx.serverMs"), num("nginx.clientMs"));
                line(out, "              req/s vs nginx: %.2f×%s", ratio, target(ratio >= TARGET_HIT_VS_NGINX, "≥", TARGET_HIT_VS_NGINX));
            } else {
                line(out, "              nginx baseline: not measured (nginx is not installed, or BENCH_NGINX=0)");
            }
        }
        if (results.containsKey("fmt.avif.cpu")) {
            double jpeg = num("fmt.jpeg.cpu"), webp = num("fmt.webp.cpu"), avif = num("fmt.avif.cpu");
            line(out, "formats       w=1600, %d photos each, worker CPU per image: jpeg %.3f s (%.0f KB), webp %.3f s (%.0f KB), avif %.3f s (%.0f KB)",
                    (int) num("fmt.count"), jpeg, num("fmt.jpeg.kb"), webp, num("fmt.webp.kb"), avif, num("fmt.avif.kb"));
            line(out, "              WebP/JPEG %.2f×%s;  AVIF/JPEG %.2f×%s", webp / jpeg, target(webp / jpeg <= TARGET_WEBP, "≤", TARGET_WEBP),
                    avif / jpeg, target(avif / jpeg <= TARGET_AVIF, "≤", TARGET_AVIF));
        }
        for (String engine : List.of("libvips", "java")) {
            if (results.containsKey(engine + ".mem.server")) {
                line(out, "memory        %s engine, one 50 MP JPEG (%d×%d, %.1f MB), thumbnail + preview in %.1f s: peak resident (VmHWM%s),"
                        + " in brackets when the upload began: server %s, workers %s", engine.equals("java") ? "pure-Java" : engine, BIG_W, BIG_H,
                        num("big.mb"), num(engine + ".mem.wall"),
                        Boolean.parseBoolean(results.getProperty(engine + ".mem.reset")) ? ", reset before the upload" : " since start",
                        results.getProperty(engine + ".mem.server"), results.getProperty(engine + ".mem.workers"));
            }
        }
        if (results.containsKey("video.server")) {
            line(out, "memory        a %s MiB video (%s), upload %.1f s, then poster, preview, filmstrip and 720p proxy, all in %.1f s: "
                    + "peak resident (VmHWM%s), in brackets when the upload began: server %s, workers %s; ffmpeg/ffprobe runs (peak each) %s",
                    results.getProperty("video.mib"), results.getProperty("video.probe"), num("video.upload"), num("video.wall"),
                    Boolean.parseBoolean(results.getProperty("video.reset")) ? ", reset before the upload" : " since start",
                    results.getProperty("video.server"), results.getProperty("video.workers"), results.getProperty("video.tools"));
        } else if (!HITS_ONLY) {
            line(out, "memory        a video: not measured (BENCH_VIDEO_MB=0, or an earlier step failed)");
        }
        for (String engine : List.of("libvips", "java")) {
            double seen = num(engine + ".workers.seen");
            double started = num(engine + ".workers");
            if (seen > started) { // false when either is missing (NaN)
                line(out, "NOTE          %s: %.0f worker processes seen for %.0f started: some were replaced during the run", engine, seen,
                        started);
            }
        }
        line(out, "machine       load average %s at the start; other processes (not this benchmark) kept %.2f / %.2f / %.2f / %.2f of the %d"
                + " cores busy on average during prepare / libvips / nginx / java", results.getProperty("loadavg.start", "n/a"),
                num("other.prepare"), num("other.libvips"), num("other.nginx"), num("other.java"), Runtime.getRuntime().availableProcessors());
        System.out.print(out);
        return 0;
    }

    static String target(boolean met, String op, double value) {
        return String.format(Locale.ROOT, "  (target %s %s: %s)", op, trim(value), met ? "met" : "NOT met");
    }

    static String trim(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    // =====================================================================================================
    // HTTP
    // =====================================================================================================

    /** POST /api/v1/assets, the file streamed from disk in one multipart part named "file"; returns the asset id. */
    String upload(Path file) throws IOException, InterruptedException {
        String boundary = "media-bench-" + Long.toHexString(System.nanoTime());
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName()
                + "\"\r\nContent-Type: " + (file.toString().endsWith(".mp4") ? "video/mp4" : "image/jpeg") + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        var request = HttpRequest.newBuilder(base.resolve("/api/v1/assets"))
                .timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(BodyPublishers.concat(BodyPublishers.ofByteArray(head), BodyPublishers.ofFile(file), BodyPublishers.ofByteArray(tail)))
                .build();
        HttpResponse<String> r = http.send(request, BodyHandlers.ofString());
        Matcher m = ID.matcher(r.body());
        if (r.statusCode() != 201 || !m.find()) {
            throw new BenchError("upload of " + file.getFileName() + ": HTTP " + r.statusCode() + " " + abbreviate(r.body()));
        }
        return m.group(1);
    }

    /**
     * Waits until no rendition of these assets is pending. Checks the assets in upload order (the jobs run
     * roughly in that order), so the server sees a few status requests per second, not one per asset per poll.
     */
    void awaitRenditions(List<String> ids) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        for (String id : ids) {
            while (true) {
                String body = getApi("/api/v1/assets/" + id + "/renditions");
                List<String> statuses = all(STATUS, body);
                if (statuses.isEmpty()) {
                    throw new BenchError("asset " + id + " has no renditions: " + abbreviate(body));
                }
                // every input is a plain JPEG: "unsupported" is as wrong here as "failed"
                if (statuses.contains("failed") || statuses.contains("unsupported")) {
                    throw new BenchError("asset " + id + ": rendition " + statuses + " " + all(REASON, body) + " " + abbreviate(body));
                }
                if (!statuses.contains("pending")) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new BenchError("renditions still pending after 10 minutes: " + abbreviate(body));
                }
                Thread.sleep(50);
            }
        }
    }

    URI sign(String id, String spec) throws IOException, InterruptedException {
        String body = getApi("/api/v1/assets/" + id + "/image-url?" + spec);
        Matcher m = PATH.matcher(body);
        if (!m.find()) {
            throw new BenchError("no signed path for " + id + ": " + abbreviate(body));
        }
        return base.resolve(m.group(1));
    }

    String getApi(String path) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofMinutes(1))
                .header("Authorization", "Bearer " + token)
                .GET().build();
        HttpResponse<String> r = http.send(request, BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new BenchError("GET " + path + ": HTTP " + r.statusCode() + " " + abbreviate(r.body()));
        }
        return r.body();
    }

    /** A timed run of GET requests: req/s and latency percentiles (nearest rank). */
    record Load(String name, int count, double secs, long bytes, double p50, double p99) {
        double rate() {
            return count / secs;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: %d requests in %.2f s = %.1f req/s, p50 %.2f ms, p99 %.2f ms", name, count, secs, rate(),
                    p50, p99);
        }
    }

    /**
     * {@code requests} GETs, cycling over {@code urls}, from {@code concurrency} threads that each send the next
     * request as soon as the last one is answered (keep-alive connections from one shared client). Anything
     * but 200 with the expected Content-Type is an error. With {@code saveDir}, each body is written there.
     */
    Load load(String name, List<URI> urls, int requests, int concurrency, Path saveDir, String expectedType) throws Exception {
        long[] nanos = new long[requests];
        AtomicInteger next = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        AtomicInteger errors = new AtomicInteger();
        Runnable worker = () -> {
            for (int i; (i = next.getAndIncrement()) < requests; ) {
                URI url = urls.get(i % urls.size());
                try {
                    var request = HttpRequest.newBuilder(url).timeout(Duration.ofMinutes(2)).GET().build();
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> r = http.send(request, BodyHandlers.ofByteArray());
                    nanos[i] = System.nanoTime() - t0;
                    String type = r.headers().firstValue("Content-Type").orElse("");
                    if (r.statusCode() != 200 || !type.startsWith(expectedType) || r.body().length == 0) {
                        if (errors.incrementAndGet() <= 5) {
                            fail("%s: GET %s: HTTP %d %s, %d bytes %s", name, url.getRawPath(), r.statusCode(), type, r.body().length,
                                    type.contains("json") ? abbreviate(new String(r.body(), StandardCharsets.UTF_8)) : "");
                        }
                        continue;
                    }
                    bytes.addAndGet(r.body().length);
                    if (saveDir != null) {
                        Files.write(saveDir.resolve(String.format(Locale.ROOT, "r-%03d.jpg", i)), r.body());
                    }
                } catch (IOException e) {
                    if (errors.incrementAndGet() <= 5) {
                        fail("%s: GET %s: %s", name, url.getRawPath(), e);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        };
        List<Thread> threads = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            threads.add(Thread.ofPlatform().name("load-" + t).start(worker));
        }
        for (Thread t : threads) {
            t.join();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        if (errors.get() > 0) {
            throw new BenchError(name + ": " + errors.get() + " of " + requests + " requests failed");
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Load(name, requests, secs, bytes.get(), percentile(sorted, 50) / 1e6, percentile(sorted, 99) / 1e6);
    }

    static double percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
    }

    interface Call<T, R> {
        R apply(T t) throws Exception;
    }

    /** Maps in order with {@code threads} at a time; the first failure is rethrown. */
    static <T, R> List<R> parallel(List<T> items, int threads, Call<T, R> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> call.apply(item)));
            }
            List<R> out = new ArrayList<>();
            for (Future<R> f : futures) {
                try {
                    out.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof Exception ex ? ex : e;
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    // =====================================================================================================
    // /proc: CPU and peak memory of the server and its media workers
    // =====================================================================================================

    /**
     * Watches the server's media worker processes (its descendants whose command line names
     * MediaWorkerMain) through /proc, every 200 ms in the background and at every snapshot. Workers are
     * long-lived, so their utime + stime (all threads, from /proc/PID/stat) before and after a phase give the
     * phase's CPU; a worker started during the phase counts from zero, and one that was killed keeps what
     * it had used at the last sample (up to 200 ms may be missed). Peak memory is VmHWM from /proc/PID/status.
     */
    static final class ProcWatch implements AutoCloseable {

        final long serverPid;
        final double ticksPerSecond;
        final Map<Long, Long> cpuTicks = new HashMap<>(); // every worker ever seen -> its last utime + stime
        final Map<Long, Long> sysTicks = new HashMap<>(); // ... and its last stime alone
        final java.util.Set<Long> niced = new java.util.HashSet<>(); // workers nicer than the server: the enrichment crew
        final Map<Long, Long> peaks = new HashMap<>();    // pid -> highest VmHWM (kB) seen since the last reset
        final Map<Long, Long> starts = new HashMap<>();   // pid -> VmRSS (kB) at the last reset
        final Map<Long, Long> toolPeaks = new HashMap<>();   // ffmpeg/ffprobe pid -> highest VmHWM (kB) seen since the last reset
        final Map<Long, String> toolNames = new HashMap<>(); // ... and which of the two it is
        final Thread poller;
        volatile boolean running = true;

        ProcWatch(long serverPid) throws IOException, InterruptedException {
            this.serverPid = serverPid;
            this.ticksPerSecond = Machine.ticksPerSecond();
            poller = Thread.ofPlatform().daemon().name("proc-watch").start(() -> {
                while (running) {
                    sample();
                    try {
                        Thread.sleep(200);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        List<Long> alive() {
            return ProcessHandle.of(serverPid).stream().flatMap(ProcessHandle::descendants).map(ProcessHandle::pid)
                    .filter(pid -> cmdline(pid).contains("MediaWorkerMain")).sorted().toList();
        }

        int seen() {
            synchronized (this) {
                return cpuTicks.size();
            }
        }

        synchronized void sample() {
            for (long pid : alive()) {
                long[] times = statTimes(pid);
                if (times != null) {
                    cpuTicks.put(pid, times[0] + times[1]);
                    sysTicks.put(pid, times[1]);
                    long[] server = statTimes(serverPid);
                    if (server != null && times[2] > server[2]) {
                        niced.add(pid);
                    }
                }
                recordPeak(pid);
            }
            recordPeak(serverPid);
            ProcessHandle.of(serverPid).stream().flatMap(ProcessHandle::descendants).forEach(h -> {
                String argv0 = cmdline(h.pid()).split("\u0000", 2)[0];
                String name = argv0.substring(argv0.lastIndexOf('/') + 1);
                if (name.equals("ffmpeg") || name.equals("ffprobe")) {
                    long kb = statusKb(h.pid(), "VmHWM");
                    if (kb >= 0) {
                        toolPeaks.merge(h.pid(), kb, Math::max);
                        toolNames.put(h.pid(), name);
                    }
                }
            });
        }

        /** The ffmpeg and ffprobe runs seen since the last reset: how many of each and the highest peak among them. */
        synchronized String toolPeaks() {
            if (toolPeaks.isEmpty()) {
                return "none seen";
            }
            var byName = new java.util.TreeMap<String, long[]>();
            toolPeaks.forEach((pid, kb) -> {
                long[] countAndMax = byName.computeIfAbsent(toolNames.get(pid), n -> new long[2]);
                countAndMax[0]++;
                countAndMax[1] = Math.max(countAndMax[1], kb);
            });
            return byName.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s ×%d up to %.0f MiB", e.getKey(), e.getValue()[0],
                    e.getValue()[1] / 1024.0)).collect(Collectors.joining(", "));
        }

        private void recordPeak(long pid) {
            long kb = statusKb(pid, "VmHWM");
            if (kb >= 0) {
                peaks.merge(pid, kb, Math::max);
            }
        }

        /** Every worker's CPU ticks at one moment. */
        record Snapshot(Map<Long, Long> cpu, Map<Long, Long> sys) {
        }

        synchronized Snapshot snapshot() {
            sample();
            return new Snapshot(new HashMap<>(cpuTicks), new HashMap<>(sysTicks));
        }

        /** CPU seconds the workers used since the snapshot (new workers count from zero); takes a new sample. */
        synchronized double workerCpuSince(Snapshot before) {
            sample();
            return since(cpuTicks, before.cpu());
        }

        /** The system (kernel) part of that, as of the last sample. */
        synchronized double workerSysSince(Snapshot before) {
            return since(sysTicks, before.sys());
        }

        /**
         * The part of {@link #workerCpuSince} that went to the enrichment workers (started nicer than the
         * server: pixel analysis, OCR renders, document text), as of the last sample.
         */
        synchronized double enrichmentCpuSince(Snapshot before) {
            long sum = 0;
            for (long pid : niced) {
                sum += cpuTicks.getOrDefault(pid, 0L) - before.cpu().getOrDefault(pid, 0L);
            }
            return sum / ticksPerSecond;
        }

        private double since(Map<Long, Long> now, Map<Long, Long> before) {
            long sum = 0;
            for (var e : now.entrySet()) {
                sum += e.getValue() - before.getOrDefault(e.getKey(), 0L);
            }
            return sum / ticksPerSecond;
        }

        double serverCpu() {
            return statTicks(serverPid) / ticksPerSecond;
        }

        /** One thread of the server: its name and utime + stime in clock ticks. */
        record ThreadTicks(String name, long ticks) {
        }

        /** The server's threads now, by thread id (from /proc/PID/task/TID/stat). */
        Map<Long, ThreadTicks> serverThreads() throws IOException {
            Map<Long, ThreadTicks> threads = new HashMap<>();
            try (var tasks = Files.list(Path.of("/proc", Long.toString(serverPid), "task"))) {
                for (Path task : tasks.toList()) {
                    long[] times = statTimes(task.resolve("stat"));
                    try {
                        if (times != null) {
                            String name = Files.readString(task.resolve("comm")).strip();
                            threads.put(Long.parseLong(task.getFileName().toString()), new ThreadTicks(name, times[0] + times[1]));
                        }
                    } catch (IOException e) {
                        // the thread ended meanwhile
                    }
                }
            }
            return threads;
        }

        /**
         * The server's CPU since {@code before} by thread name (digits folded, so a pool's threads are one line), the
         * busiest first; what threads that ended meanwhile spent is the rest of {@code total}.
         */
        String serverThreadsSince(Map<Long, ThreadTicks> before, double total) throws IOException {
            Map<String, Long> byName = new HashMap<>();
            serverThreads().forEach((tid, now) -> {
                ThreadTicks was = before.get(tid);
                long delta = now.ticks() - (was == null ? 0 : was.ticks());
                byName.merge(now.name().replaceAll("[0-9]+", "#"), delta, Long::sum);
            });
            double counted = byName.values().stream().mapToLong(Long::longValue).sum() / ticksPerSecond;
            String top = byName.entrySet().stream().filter(e -> e.getValue() > 0).sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(10).map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() / ticksPerSecond))
                    .collect(Collectors.joining(", "));
            return String.format(Locale.ROOT, "%s; threads that ended meanwhile %.2f CPU-s", top, Math.max(0, total - counted));
        }

        /** CPU seconds of this JVM (the load generator). */
        static double selfCpu() {
            return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
        }

        /** CPU seconds of a process and its descendants (nginx: the master and its workers). */
        static double treeCpu(long pid) {
            return ProcessHandle.of(pid).map(p -> Stream.concat(Stream.of(p), p.descendants())
                    .mapToDouble(h -> h.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0)).sum()).orElse(Double.NaN);
        }

        /** Resets VmHWM of the server and the workers to their current resident size; false if not allowed. */
        synchronized boolean resetPeaks() {
            boolean ok = true;
            List<Long> pids = new ArrayList<>(alive());
            pids.add(serverPid);
            for (long pid : pids) {
                try {
                    Files.writeString(Path.of("/proc", Long.toString(pid), "clear_refs"), "5");
                } catch (IOException e) {
                    ok = false;
                }
            }
            peaks.clear();
            starts.clear();
            toolPeaks.clear();
            toolNames.clear();
            for (long pid : pids) {
                starts.put(pid, statusKb(pid, "VmRSS"));
            }
            sample();
            return ok;
        }

        synchronized String peakAndStart(long pid) {
            return String.format(Locale.ROOT, "%.0f MiB (%.0f)", peakKb(pid) / 1024.0, starts.getOrDefault(pid, -1L) / 1024.0);
        }

        synchronized long peakKb(long pid) {
            return peaks.getOrDefault(pid, -1L);
        }

        /** utime + stime in clock ticks, or -1 when the process is gone. */
        static long statTicks(long pid) {
            long[] times = statTimes(pid);
            return times == null ? -1 : times[0] + times[1];
        }

        /** utime + stime + cutime + cstime: the process and the children it has waited for; -1 when gone. */
        static long statTicksWithChildren(long pid) {
            long[] times = statTimes(pid);
            return times == null ? -1 : times[0] + times[1] + times[3] + times[4];
        }

        /**
         * {utime, stime, nice, cutime, cstime}: fields 14, 15, 19, 16 and 17 of /proc/PID/stat (clock ticks), counted
         * after the ")" that ends the name; null when the process is gone.
         */
        static long[] statTimes(long pid) {
            return statTimes(Path.of("/proc", Long.toString(pid), "stat"));
        }

        /** As {@link #statTimes(long)}, from any stat file of that layout (a process's, or one thread's under task/). */
        static long[] statTimes(Path file) {
            try {
                String stat = Files.readString(file);
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // f[0] is field 3
                return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[16]), Long.parseLong(f[13]),
                        Long.parseLong(f[14])};
            } catch (IOException | RuntimeException e) {
                return null; // gone
            }
        }

        static long statusKb(long pid, String key) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                    if (line.startsWith(key + ":")) {
                        return Long.parseLong(line.substring(key.length() + 1).replace("kB", "").strip());
                    }
                }
            } catch (IOException | RuntimeException e) {
                // gone
            }
            return -1;
        }

        static String cmdline(long pid) {
            try {
                return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        }

        @Override
        public void close() {
            running = false;
            poller.interrupt();
        }
    }

    // =====================================================================================================
    // helpers
    // =====================================================================================================

    /** A failure of the server under test (not of the benchmark's own machinery): the phase ends with exit 1. */
    static final class BenchError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BenchError(String message) {
            super(message);
        }
    }

    void loadResults() throws IOException {
        Path file = work.resolve("results.properties");
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                results.load(in);
            }
        }
    }

    void storeResults() throws IOException {
        try (OutputStream out = Files.newOutputStream(work.resolve("results.properties"))) {
            results.store(out, "bench/MediaBench.java");
        }
    }

    void put(String key, double value) {
        results.setProperty(key, Double.toString(value));
    }

    void put(String key, String value) {
        results.setProperty(key, value);
    }

    void put(String key, Load l) {
        put(key + ".count", l.count());
        put(key + ".rate", l.rate());
        put(key + ".p50", l.p50());
        put(key + ".p99", l.p99());
    }

    double num(String key) {
        String v = results.getProperty(key);
        return v == null ? Double.NaN : Double.parseDouble(v);
    }

    static List<String> all(Pattern p, String s) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(s);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    static List<String> concat(List<String> head, List<Path> files) {
        List<String> out = new ArrayList<>(head);
        files.forEach(f -> out.add(f.toString()));
        return out;
    }

    static void run(List<String> cmd) throws IOException, InterruptedException {
        exec(cmd);
    }

    static String exec(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd.subList(0, Math.min(3, cmd.size()))) + " failed: " + abbreviate(out));
        }
        return out;
    }

    /**
     * CPU that everything else on the machine used during a phase, in cores: the busy time of all cores
     * (/proc/stat) minus this benchmark's own (this JVM and the children it waited for, such as vips and
     * vipsthumbnail, plus the server or nginx and their descendants). Builds or another benchmark running
     * next to this one show up here, and explain figures that are off.
     */
    static final class OtherLoad {
        final long pid;
        final long t0 = System.nanoTime();
        final long busy0;
        final long ours0;

        OtherLoad(long pid) throws IOException {
            this.pid = pid;
            long[] cpu = Machine.cpuTimes();
            busy0 = cpu[0] - cpu[1];
            ours0 = ours();
        }

        double cores() {
            try {
                long[] cpu = Machine.cpuTimes();
                long other = (cpu[0] - cpu[1] - busy0) - (ours() - ours0);
                double hz = Machine.ticksPerSecond();
                return Math.max(0, other / hz / ((System.nanoTime() - t0) / 1e9));
            } catch (Exception e) {
                return Double.NaN;
            }
        }

        long ours() {
            // this JVM and the children it waited for (vips, vipsthumbnail)
            long ticks = Math.max(0, ProcWatch.statTicksWithChildren(ProcessHandle.current().pid()));
            if (pid > 0) {
                // with the children each one reaped (cutime, cstime): tesseract, exiftool and ffmpeg runs that ended meanwhile
                ticks += Math.max(0, ProcWatch.statTicksWithChildren(pid));
                ticks += ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants)
                        .mapToLong(h -> Math.max(0, ProcWatch.statTicksWithChildren(h.pid()))).sum();
            }
            return ticks;
        }
    }

    /** Total and idle (idle + iowait) jiffies of all cores, from the first line of /proc/stat. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "n/a";
        }
    }

    synchronized void fail(String format, Object... args) {
        failures++;
        System.out.println("ERROR " + String.format(Locale.ROOT, format, args));
    }

    static void log(String format, Object... args) {
        System.out.println("# " + String.format(Locale.ROOT, format, args));
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
        var map = new LinkedHashMap<String, String>();
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
