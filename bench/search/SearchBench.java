package dev.atelier.search.internal;

import dev.atelier.search.SearchQuery;
import dev.atelier.search.SearchResult;
import dev.atelier.search.SearchSort;
import dev.atelier.search.internal.BenchQueries.Answer;
import dev.atelier.search.internal.BenchQueries.BenchQuery;
import dev.atelier.search.internal.SyntheticAssets.Library;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;

/**
 * Search benchmark, started by bench/search.sh: builds the Lucene index of the application
 * ({@link LuceneAssetIndex}) and a PostgreSQL full-text table from the same synthetic assets, then
 * times the same queries on both, one after the other, and checks that they agree.
 *
 * <pre>
 *   java -cp target/classes:DEPENDENCIES:CLASSES dev.atelier.search.internal.SearchBench \
 *       --count 1000000 --work /tmp/dir --postgres jdbc:postgresql://127.0.0.1:PORT/postgres?user=postgres \
 *       --pgdata /tmp/dir/pg
 * </pre>
 *
 * Environment: BENCH_SEED (42), BENCH_QUERIES (1000), BENCH_WARMUP (200).
 */
public final class SearchBench {

    static final int BATCH = 500;
    static final double TARGET_P99_MS = 50;
    static final double MiB = 1024.0 * 1024.0;

    private final int count;
    private final long seed;
    private final Path work;
    private final Library library;

    private final MachineLoad machine;

    private SearchBench(int count, long seed, Path work, Path pgdata) {
        this.count = count;
        this.seed = seed;
        this.work = work;
        this.library = Library.of(seed);
        this.machine = new MachineLoad(pgdata);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        long seed = Long.parseLong(System.getenv().getOrDefault("BENCH_SEED", "42"));
        var bench = new SearchBench(Integer.parseInt(options.getOrDefault("count", "1000000")), seed, Path.of(options.get("work")),
                Path.of(options.get("pgdata")));
        bench.run(options.get("postgres"), Integer.parseInt(System.getenv().getOrDefault("BENCH_QUERIES", "1000")),
                Integer.parseInt(System.getenv().getOrDefault("BENCH_WARMUP", "200")));
    }

    private Iterator<AssetDocument> assets() {
        return new SyntheticAssets(library, seed, count);
    }

    /** Prints each line as soon as its phase is done, so a long run shows its figures as it goes. */
    private void run(String postgresUrl, int queryCount, int warmup) throws Exception {
        String loadBefore = MachineLoad.loadAverage();
        List<BenchQuery> warm = new BenchQueries(library, seed + 1).make(warmup);
        List<BenchQuery> timed = new BenchQueries(library, seed).make(queryCount);
        boolean withPostgres = !postgresUrl.equals("none");
        try (var postgres = withPostgres ? new PostgresBaseline(postgresUrl) : null) {
            report(header(withPostgres ? postgres.version() : "not run (BENCH_ENGINES=lucene)"));
            var started = machine.sample();
            double generation = time(() -> assets().forEachRemaining(a -> { }));
            report("data          %,d SYNTHETIC assets (seed %d, made by bench/search/SyntheticAssets.java, not real metadata); making them alone takes %.1f s, inside both loads"
                    .formatted(count, seed, generation));
            Path indexDir = Optional.ofNullable(System.getenv("BENCH_INDEX")).map(Path::of).orElse(work.resolve("lucene"));
            double build = built(indexDir) ? Double.NaN : buildIndex(indexDir);
            long indexBytes = sizeOf(indexDir);
            var built = machine.sample();
            report("lucene build  %,d docs in %.1f s = %,.0f docs/s (LuceneAssetIndex.upsert, batches of %d, one thread, commit at the end); index %.0f MiB on disk, %d segments"
                    .formatted(count, build, count / build, BATCH, indexBytes / MiB, segments(indexDir)));
            var loaded = built;
            if (withPostgres) {
                progress("loading PostgreSQL");
                var load = postgres.load(assets());
                loaded = machine.sample();
                report(loadLine(load));
                report("              lucene vs postgres: build time %.2f×, size on disk %.2f×"
                        .formatted(build / load.total(), indexBytes / (double) (load.tableBytes() + load.indexBytes())));
            }
            try (var index = new LuceneAssetIndex(indexDir, Duration.ofSeconds(1), BenchQueries.FACET_VALUES)) {
                var runner = new QueryRun(index, withPostgres ? new PostgresQueries(postgres.connection()) : null);
                double firstSearch = runner.firstSearch(library.owners().getFirst());
                report(visibility(index));
                progress("warming up: %d queries on each engine".formatted(warmup));
                runner.warmUp(warm);
                progress("timing %d queries on both engines".formatted(queryCount));
                var warmed = machine.sample();
                runner.time(timed);
                var timedEnd = machine.sample();
                report("queries       %d (seed %d: %s), after %d warm-up queries on each engine (seed %d); each asks for 50 hits, the total and every facet (10; 5 have values in this data); engines take turns query by query, one query at a time; first search after opening the index %.0f ms (not counted)"
                        .formatted(queryCount, seed, runner.mix(timed), warmup, seed + 1, firstSearch));
                runner.table().forEach(SearchBench::report);
                report(runner.target(TARGET_P99_MS));
                runner.slowest(8).forEach(SearchBench::report);
                report(runner.agreement());
                report("machine       load average %s at the start, %s at the end; other processes (not this benchmark, not its PostgreSQL) kept %.2f / %.2f / %.2f of the %d cores busy on average during the lucene build / postgres load / timed queries"
                        .formatted(loadBefore, MachineLoad.loadAverage(), MachineLoad.others(started, built), MachineLoad.others(built, loaded),
                                MachineLoad.others(warmed, timedEnd), Runtime.getRuntime().availableProcessors()));
            }
        }
    }

    /** An index kept from an earlier run (BENCH_INDEX, for iterating on the queries alone) is searched as it is. */
    private static boolean built(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith("segments_"));
        }
    }

    private static void report(String line) {
        System.out.println(line);
        System.out.flush();
    }

    private double buildIndex(Path dir) throws IOException {
        progress("building the Lucene index of %,d assets".formatted(count));
        long start = System.nanoTime();
        try (var index = new LuceneAssetIndex(dir, Duration.ofSeconds(1), BenchQueries.FACET_VALUES)) {
            index.holdPublishing(true);
            Iterator<AssetDocument> assets = assets();
            List<AssetDocument> batch = new ArrayList<>(BATCH);
            while (assets.hasNext()) {
                batch.add(assets.next());
                if (batch.size() == BATCH || !assets.hasNext()) {
                    index.upsert(batch);
                    batch.clear();
                }
            }
            index.holdPublishing(false);
            index.publish();
        } // closing commits and waits for merges in flight
        return (System.nanoTime() - start) / 1e9;
    }

    private String header(String postgresVersion) {
        return "search benchmark  (%d cores, Java %s, heap %d MiB, Lucene %s, PostgreSQL %s)".formatted(
                Runtime.getRuntime().availableProcessors(), Runtime.version(), Runtime.getRuntime().maxMemory() / (1 << 20),
                org.apache.lucene.util.Version.LATEST, postgresVersion);
    }

    private String loadLine(PostgresBaseline.Load load) {
        StringBuilder steps = new StringBuilder();
        load.seconds().forEach((step, s) -> steps.append(steps.isEmpty() ? "" : " + ").append("%s %.1f".formatted(step, s)));
        return "postgres load %,d rows in %.1f s = %,.0f rows/s (%s s); %.0f MiB on disk (table with TOAST %.0f, indexes %.0f)"
                .formatted(count, load.total(), count / load.total(), steps, (load.tableBytes() + load.indexBytes()) / MiB,
                        load.tableBytes() / MiB, load.indexBytes() / MiB);
    }

    /** How much of the library the restricted users see, by the index's own count. */
    private String visibility(LuceneAssetIndex index) {
        Set<String> anyone = new HashSet<>(this.library.groups());
        anyone.add(SyntheticAssets.VIEWER);
        long library = everything(index, anyone);
        var seen = this.library.restricted().stream().mapToLong(u -> everything(index, u.principals())).summaryStatistics();
        return "readers       %,d assets in the library (not trashed), %.0f %% of them open to every viewer; %d restricted users (5 groups each) see %.2f–%.2f %% of them"
                .formatted(library, 100.0 * everything(index, Set.of(SyntheticAssets.VIEWER)) / library, this.library.restricted().size(),
                        100.0 * seen.getMin() / library, 100.0 * seen.getMax() / library);
    }

    private static long everything(LuceneAssetIndex index, Set<String> readers) {
        return index.search(new AssetIndex.Query(SearchQuery.parse(""), Map.of(), readers, "", SearchSort.NEWEST, Optional.empty(), 1,
                false, 1, Map.of())).total();
    }

    private static int segments(Path dir) throws IOException {
        try (var directory = FSDirectory.open(dir)) {
            return SegmentInfos.readLatestCommit(directory).size();
        }
    }

    private static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    static double time(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }

    static void progress(String what) {
        System.err.println("# " + what);
    }

    /** The index's page in the shape the comparison uses. */
    static Answer answer(AssetIndex.Page page) {
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        for (SearchResult.Facet f : page.facets()) {
            Map<String, Long> values = new LinkedHashMap<>();
            f.values().forEach(v -> values.put(v.value(), v.count()));
            facets.put(f.name(), values);
        }
        return new Answer(page.total(), page.hits().stream().map(h -> h.id().toString()).toList(), facets);
    }

    /** Share of the first page both engines put there (relevance orders differ: BM25 against ts_rank). */
    static double overlap(Answer a, Answer b) {
        if (a.ids().isEmpty() && b.ids().isEmpty()) {
            return 1;
        }
        var common = new HashSet<>(a.ids());
        common.retainAll(b.ids());
        return common.size() / (double) Math.max(a.ids().size(), b.ids().size());
    }
}
