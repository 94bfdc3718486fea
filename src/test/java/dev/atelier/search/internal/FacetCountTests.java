package dev.atelier.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.asset.AssetId;
import dev.atelier.search.SearchQuery;
import dev.atelier.search.SearchResult.Facet;
import dev.atelier.search.SearchResult.FacetValue;
import dev.atelier.search.SearchSort;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Facet counts against the definition: the count of a value is the number of matches a search
 * for that value too finds, and a facet shows the values with the most matches, ties in the
 * values' order. Over several segments with values spread unevenly across them (so segments
 * number their values differently), tags and collections with several values per asset, counted
 * on one thread in one pass and on several threads over slices of segments.
 */
class FacetCountTests {

    static final int TOP = 3;
    static final List<String> FACETS = List.of("type", "format", "tag", "collection", "owner", "created");
    static final List<String> TAGS = List.of("Harbour", "night", "logo", "summer", "team", "paris", "draft");
    static final List<String> TYPES = List.of("image/jpeg", "image/png", "video/mp4", "application/pdf", "image/webp");
    static final Set<String> EVERYONE = SlicedSearchTests.EVERYONE;
    static final Set<String> GROUP = SlicedSearchTests.GROUP;

    @TempDir
    Path dir;

    @Test
    void countsAreTheMatchesOfEachValueOnOneThreadAndOnSlices() throws Exception {
        try (var index = new LuceneAssetIndex(dir, Duration.ofMillis(50), TOP, new SlicedSearcher.Slicing(1, Long.MAX_VALUE))) {
            fill(index);
            checkAll(index);
        }
        try (var index = new LuceneAssetIndex(dir, Duration.ofMillis(50), TOP, new SlicedSearcher.Slicing(3, 0))) {
            assertThat(index.slices()).isGreaterThan(1);
            checkAll(index);
        }
    }

    /** Without memory for facet columns, counting reads the doc values and gets the same figures. */
    @Test
    void countsWithoutColumnsInMemory() throws Exception {
        try (var index = new LuceneAssetIndex(dir, Duration.ofMillis(50), TOP, new SlicedSearcher.Slicing(3, 0), LuceneDocuments.LAYOUT, 0)) {
            fill(index);
            checkAll(index);
        }
    }

    /** 300 owners: more values than a byte holds, so the column takes two bytes per asset; each owner's count is exact. */
    @Test
    void countsMoreValuesThanFitInAByte() throws Exception {
        try (var index = new LuceneAssetIndex(dir, Duration.ofMillis(50), 400, new SlicedSearcher.Slicing(2, 0))) {
            List<AssetDocument> docs = new ArrayList<>();
            for (int n = 0; n < 900; n++) {
                Instant created = Instant.parse("2026-01-10T00:00:00Z");
                docs.add(new AssetDocument(new AssetId(UUID.randomUUID()), 1, "asset " + n, "", List.of("f" + n + ".jpg"), "image", "image/jpeg",
                        "u%03d".formatted(n % 300), false, created, created, 1000, 1, EVERYONE, false, AssetDocument.Embedded.NONE, Set.of()));
            }
            index.upsert(docs);
            var page = index.search(new AssetIndex.Query(SearchQuery.parse(""), Map.of(), EVERYONE, "me", SearchSort.NEWEST, Optional.empty(), 5,
                    true, 400, Map.of()));
            var owners = page.facets().stream().filter(f -> f.name().equals("owner")).findFirst().orElseThrow().values();
            assertThat(owners).hasSize(300).allSatisfy(v -> assertThat(v.count()).isEqualTo(3));
            // ties in the values' order
            assertThat(owners.getFirst().value()).isEqualTo("u000");
            assertThat(owners.getLast().value()).isEqualTo("u299");
        }
    }

    private static void checkAll(LuceneAssetIndex index) {
        for (String q : List.of("", "hero", "camp*", "type:image", "tag:night")) {
            for (var readers : List.of(EVERYONE, GROUP)) {
                check(index, q, Map.of(), readers);
            }
        }
        check(index, "", Map.of("tag", List.of("night")), EVERYONE);
        check(index, "hero", Map.of("type", List.of("video", "document"), "owner", List.of("bo")), EVERYONE);
    }

    /** Every facet of the search shows the top values with their exact counts; a chosen one is counted without its own choice. */
    private static void check(LuceneAssetIndex index, String q, Map<String, List<String>> selected, Set<String> readers) {
        var page = search(index, q, selected, readers);
        assertThat(page.total()).as("the collector's total").isEqualTo(search(index, q, selected, readers, false).total());
        var facets = page.facets();
        for (String name : FACETS) {
            Facet facet = facets.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
            Map<String, List<String>> others = new java.util.HashMap<>(selected);
            others.remove(name);
            List<FacetValue> expected = new ArrayList<>();
            for (String value : values(name)) {
                Map<String, List<String>> withValue = new java.util.HashMap<>(others);
                withValue.put(name, List.of(value));
                // without facets the total is Lucene's own count, not the collector's
                long count = search(index, q, withValue, readers, false).total();
                if (count > 0 || selected.getOrDefault(name, List.of()).contains(value)) {
                    expected.add(new FacetValue(value, count, selected.getOrDefault(name, List.of()).contains(value)));
                }
            }
            List<FacetValue> shown = name.equals("created")
                    ? expected.stream().filter(v -> v.count() > 0).sorted(Comparator.comparing(FacetValue::value).reversed()).limit(TOP).toList()
                    : top(expected, selected.getOrDefault(name, List.of()));
            assertThat(facet.values()).as(q + " " + selected + " " + readers + " " + name).isEqualTo(shown);
        }
    }

    /** The TOP values with most matches (ties by value), then the chosen ones not among them. */
    private static List<FacetValue> top(List<FacetValue> all, List<String> chosen) {
        List<FacetValue> top = new ArrayList<>(all.stream().filter(v -> v.count() > 0)
                .sorted(Comparator.comparingLong(FacetValue::count).reversed().thenComparing(FacetValue::value)).limit(TOP).toList());
        chosen.stream().filter(c -> top.stream().noneMatch(v -> v.value().equals(c)))
                .forEach(c -> top.add(all.stream().filter(v -> v.value().equals(c)).findFirst().orElse(new FacetValue(c, 0, true))));
        return top;
    }

    private static List<String> values(String facet) {
        return switch (facet) {
            case "type" -> List.of("image", "video", "document");
            case "format" -> TYPES;
            case "tag" -> TAGS.stream().map(t -> t.toLowerCase(java.util.Locale.ROOT)).toList();
            case "collection" -> List.of("c1", "c2", "c3", "c4");
            case "owner" -> List.of("al", "bo", "cy", "di");
            default -> java.util.stream.IntStream.rangeClosed(1, 12).mapToObj(m -> String.format("2026-%02d", m)).toList();
        };
    }

    private static AssetIndex.Page search(LuceneAssetIndex index, String q, Map<String, List<String>> selected, Set<String> readers) {
        return search(index, q, selected, readers, true);
    }

    private static AssetIndex.Page search(LuceneAssetIndex index, String q, Map<String, List<String>> selected, Set<String> readers,
            boolean facets) {
        return index.search(new AssetIndex.Query(SearchQuery.parse(q), selected, readers, "me", SearchSort.RELEVANCE, Optional.empty(), 5,
                facets, TOP, Map.of()));
    }

    /** Five segments; the values a segment holds vary (the last ones lack some tags and owners altogether). */
    private static void fill(LuceneAssetIndex index) {
        var rnd = new SplittableRandom(7);
        int n = 0;
        for (int batch : List.of(140, 70, 40, 12, 5)) {
            List<AssetDocument> docs = new ArrayList<>();
            for (int i = 0; i < batch; i++, n++) {
                int spread = batch < 20 ? 2 : TAGS.size();
                List<String> tags = rnd.ints(rnd.nextInt(4), 0, spread).mapToObj(TAGS::get).distinct().toList();
                Set<String> collections = new java.util.TreeSet<>(rnd.ints(rnd.nextInt(3), 1, 5).mapToObj(c -> "c" + c).toList());
                String title = (rnd.nextInt(3) == 0 ? "hero " : "") + (rnd.nextBoolean() ? "campaign" : "camera") + " " + n;
                Instant created = Instant.parse("2026-01-10T00:00:00Z").plus(Duration.ofDays(rnd.nextInt(330)));
                String owner = List.of("al", "bo", "cy", "di").get(batch < 20 ? n % 2 : rnd.nextInt(4));
                docs.add(new AssetDocument(new AssetId(UUID.randomUUID()), 1, title, "", List.of("f" + n + ".jpg"),
                        AssetDocuments.typeOf(TYPES.get(n % TYPES.size())), TYPES.get(rnd.nextInt(TYPES.size())), owner, false, created, created,
                        1000 + n, 1, rnd.nextInt(5) == 0 ? GROUP : EVERYONE, false, AssetDocument.Embedded.NONE, collections, false,
                        AssetDocument.Pixels.NONE, List.of(), Set.of(), false, "", tags, AssetDocument.NOT_REVIEWED));
            }
            index.upsert(docs);
            index.commit();
        }
    }
}
