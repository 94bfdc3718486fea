package dev.atelier.search.internal;

import dev.atelier.search.SearchSort;
import dev.atelier.search.internal.BenchQueries.Answer;
import dev.atelier.search.internal.BenchQueries.BenchQuery;
import dev.atelier.search.internal.BenchQueries.Kind;
import dev.atelier.search.internal.SyntheticAssets.User;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Times the queries on both engines, query by query, and compares what they answer. */
final class QueryRun {

    private final LuceneAssetIndex index;
    private final PostgresQueries postgres;
    private final Map<Kind, List<Long>> luceneNanos = new EnumMap<>(Kind.class);
    private final Map<Kind, List<Long>> postgresNanos = new EnumMap<>(Kind.class);
    private final List<String> disagreements = new ArrayList<>();
    /** Every timed Lucene query with its time, for the slowest ones. */
    private final List<Map.Entry<Long, BenchQuery>> luceneTimes = new ArrayList<>();
    private int queries;
    private int newestPages;
    private int relevancePages;
    private double relevanceOverlap;

    QueryRun(LuceneAssetIndex index, PostgresQueries postgres) {
        this.index = index;
        this.postgres = postgres;
    }

    /** The first search on a freshly opened index builds the facet state; the server pays it once per reader. */
    double firstSearch(User user) {
        var q = new BenchQuery(Kind.FILTER, "", Map.of(), user.principals(), user.username(), SearchSort.NEWEST);
        return SearchBench.time(() -> index.search(q.forIndex())) * 1000;
    }

    void warmUp(List<BenchQuery> warm) throws SQLException {
        for (BenchQuery q : warm) {
            index.search(q.forIndex());
        }
        for (BenchQuery q : warm) {
            if (postgres != null) {
                postgres.search(q);
            }
        }
    }

    /** Engines take turns, and which goes first alternates, so neither always runs on the other's warm caches. */
    void time(List<BenchQuery> timed) throws SQLException {
        for (int i = 0; i < timed.size(); i++) {
            BenchQuery q = timed.get(i);
            Answer lucene;
            Answer pg;
            if (i % 2 == 0) {
                lucene = lucene(q);
                pg = postgres(q);
            } else {
                pg = postgres(q);
                lucene = lucene(q);
            }
            if (pg != null) {
                compare(q, lucene, pg);
            }
            if ((i + 1) % 100 == 0) {
                SearchBench.progress("%d of %d queries".formatted(i + 1, timed.size()));
            }
        }
    }

    private Answer lucene(BenchQuery q) {
        long start = System.nanoTime();
        var page = index.search(q.forIndex());
        long nanos = System.nanoTime() - start;
        luceneNanos.computeIfAbsent(q.kind(), k -> new ArrayList<>()).add(nanos);
        luceneTimes.add(Map.entry(nanos, q));
        return SearchBench.answer(page);
    }

    /** Nothing when PostgreSQL is left out (BENCH_ENGINES=lucene). */
    private Answer postgres(BenchQuery q) throws SQLException {
        if (postgres == null) {
            return null;
        }
        long start = System.nanoTime();
        Answer answer = postgres.search(q);
        postgresNanos.computeIfAbsent(q.kind(), k -> new ArrayList<>()).add(System.nanoTime() - start);
        return answer;
    }

    private void compare(BenchQuery q, Answer lucene, Answer pg) {
        queries++;
        List<String> differs = new ArrayList<>();
        if (lucene.total() != pg.total()) {
            differs.add("total %d vs %d".formatted(lucene.total(), pg.total()));
        }
        lucene.facets().forEach((dim, values) -> values.forEach((value, n) -> {
            long other = pg.facets().getOrDefault(dim, Map.of()).getOrDefault(value, 0L);
            if (other != n) {
                differs.add("%s=%s %d vs %d".formatted(dim, value, n, other));
            }
        }));
        if (q.sort() == SearchSort.NEWEST) {
            newestPages++;
            if (!lucene.ids().equals(pg.ids())) {
                differs.add("newest-first page differs");
            }
        } else {
            relevancePages++;
            relevanceOverlap += SearchBench.overlap(lucene, pg);
        }
        if (!differs.isEmpty()) {
            disagreements.add("'%s' %s %s: %s".formatted(q.text(), q.selected(), q.kind(), String.join("; ", differs.subList(0, Math.min(3, differs.size())))));
        }
    }

    String mix(List<BenchQuery> timed) {
        return Arrays.stream(Kind.values()).map(k -> timed.stream().filter(q -> q.kind() == k).count() + " " + k.name().toLowerCase())
                .collect(Collectors.joining(", "));
    }

    List<String> table() {
        List<String> lines = new ArrayList<>();
        lines.add("              %-18s %-34s %-34s %s".formatted("", "lucene (ms)", "postgres (ms)", "postgres / lucene"));
        lines.add("              %-18s %-34s %-34s %s".formatted("class      queries", stats(null), stats(null), "p50    p99    mean"));
        for (Kind kind : Kind.values()) {
            lines.add(row(kind.name().toLowerCase(), luceneNanos.getOrDefault(kind, List.of()), postgresNanos.getOrDefault(kind, List.of())));
        }
        lines.add(row("all", all(luceneNanos), all(postgresNanos)));
        return lines;
    }

    private static String row(String name, List<Long> lucene, List<Long> pg) {
        if (lucene.isEmpty()) {
            return "              %-10s %7d".formatted(name, 0);
        }
        double[] l = summary(lucene);
        double[] p = pg.isEmpty() ? new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN} : summary(pg);
        return "              %-10s %7d %-34s %-34s %5.1f× %5.1f× %5.1f×".formatted(name, lucene.size(), stats(l), stats(p),
                p[0] / l[0], p[2] / l[2], p[3] / l[3]);
    }

    private static String stats(double[] s) {
        if (s == null) {
            return "p50     p95     p99    mean";
        }
        return "%6.1f  %6.1f  %6.1f  %6.1f".formatted(s[0], s[1], s[2], s[3]);
    }

    /** p50, p95, p99 (nearest rank) and mean, in milliseconds. */
    private static double[] summary(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        double mean = Arrays.stream(sorted).average().orElse(0);
        return new double[] {rank(sorted, 0.50) / 1e6, rank(sorted, 0.95) / 1e6, rank(sorted, 0.99) / 1e6, mean / 1e6};
    }

    private static long rank(long[] sorted, double p) {
        return sorted[Math.max(0, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static List<Long> all(Map<Kind, List<Long>> byKind) {
        return byKind.values().stream().flatMap(List::stream).toList();
    }

    String target(double p99Millis) {
        double[] lucene = summary(all(luceneNanos));
        String perClass = Arrays.stream(Kind.values()).filter(luceneNanos::containsKey)
                .map(k -> "%s %.1f".formatted(k.name().toLowerCase(), summary(luceneNanos.get(k))[2])).collect(Collectors.joining(", "));
        return "target        p99 under %.0f ms with facets on this machine: lucene p99 %.1f ms over all queries (%s): %s"
                .formatted(p99Millis, lucene[2], perClass, lucene[2] < p99Millis ? "met" : "NOT met");
    }

    /** The slowest Lucene queries: time, what was asked and how many matched, to see what the tail is made of. */
    List<String> slowest(int n) {
        List<String> lines = new ArrayList<>();
        luceneTimes.stream().sorted(Map.Entry.<Long, BenchQuery>comparingByKey().reversed()).limit(n).forEach(e -> {
            BenchQuery q = e.getValue();
            long total = index.search(q.forIndex()).total();
            lines.add("%-13s %6.1f ms  %-10s q=\"%s\" %s sort %s, %,d matches".formatted(lines.isEmpty() ? "slowest" : "", e.getKey() / 1e6,
                    q.kind().name().toLowerCase(java.util.Locale.ROOT), q.text(), q.selected().isEmpty() ? "" : q.selected().toString(),
                    q.sort().name().toLowerCase(java.util.Locale.ROOT), total));
        });
        return lines;
    }

    String agreement() {
        if (postgres == null) {
            return "agreement     not checked: PostgreSQL was left out (BENCH_ENGINES=lucene)";
        }
        String line = "agreement     %d of %d queries answered alike (total, every facet count shown, and the whole page for the %d newest-first ones); the %d relevance pages (BM25 vs ts_rank) share %.0f %% of their hits on average"
                .formatted(queries - disagreements.size(), queries, newestPages, relevancePages, relevancePages == 0 ? 100 : 100 * relevanceOverlap / relevancePages);
        if (disagreements.isEmpty()) {
            return line;
        }
        return line + "\n" + disagreements.stream().limit(10).map(d -> "  DIFFERS     " + d).collect(Collectors.joining("\n"));
    }
}
