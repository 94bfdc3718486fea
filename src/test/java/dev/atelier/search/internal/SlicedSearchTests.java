package dev.atelier.search.internal;

import static dev.atelier.search.internal.LuceneAssetIndexTests.doc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.search.SearchHit;
import dev.atelier.search.SearchQuery;
import dev.atelier.search.SearchSort;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A search cut into slices on several threads (parts of segments too) answers exactly as on one thread. */
class SlicedSearchTests {

    static final List<String> WORDS = List.of("hero", "summer", "campaign", "paris", "logo", "draft");
    static final List<String> TYPES = List.of("image/jpeg", "image/png", "video/mp4", "application/pdf");
    static final Set<String> EVERYONE = Set.of("role:viewer");
    static final Set<String> GROUP = Set.of("group:a");

    @TempDir
    Path dir;

    @Test
    void answersTotalsFacetsAndEveryPageAsOneThreadDoes() throws Exception {
        List<String> alone;
        try (var index = new LuceneAssetIndex(dir, Duration.ofMillis(50), 10, new SlicedSearcher.Slicing(1, Long.MAX_VALUE))) {
            fill(index);
            assertThat(index.slices()).isEqualTo(1);
            alone = answers(index);
        }
        try (var index = new LuceneAssetIndex(dir, Duration.ofMillis(50), 10, new SlicedSearcher.Slicing(3, 0))) {
            assertThat(index.slices()).isGreaterThan(1);
            assertThat(answers(index)).isEqualTo(alone);
        }
    }

    /** Four segments of uneven size, so slices both group segments and split them. */
    private static void fill(LuceneAssetIndex index) {
        int n = 0;
        for (int batch : List.of(170, 60, 30, 9)) {
            List<AssetDocument> docs = new ArrayList<>();
            for (int i = 0; i < batch; i++, n++) {
                String title = WORDS.get(n % WORDS.size()) + " " + WORDS.get(n * 7 % 5) + (n % 3 == 0 ? " hero" : "");
                docs.add(doc(title, n % 4 == 0 ? "summer draft" : "", "f" + n + ".jpg", TYPES.get(n % TYPES.size()),
                        Instant.parse("2026-01-01T00:00:00Z").plusSeconds(86_400L * (n % 200)), n % 17, n % 5 == 0 ? GROUP : EVERYONE));
            }
            index.upsert(docs);
        }
    }

    private static List<String> answers(LuceneAssetIndex index) {
        List<String> all = new ArrayList<>();
        for (String q : List.of("", "hero", "summer hero", "camp*", "type:image", "hero OR logo")) {
            for (SearchSort sort : SearchSort.values()) {
                for (var readers : List.of(EVERYONE, GROUP)) {
                    all.add(pages(index, q, Map.of(), readers, sort));
                }
            }
            all.add(pages(index, q, Map.of("type", List.of("video")), EVERYONE, SearchSort.RELEVANCE));
        }
        return all;
    }

    /** Every page's ids in order, the total and the first page's facets. */
    private static String pages(LuceneAssetIndex index, String q, Map<String, List<String>> selected, Set<String> readers, SearchSort sort) {
        StringBuilder answer = new StringBuilder(q + " " + sort + " " + readers + ":");
        Optional<String> cursor = Optional.empty();
        do {
            var page = index.search(new AssetIndex.Query(SearchQuery.parse(q), selected, readers, "me", sort, cursor, 7, cursor.isEmpty(), 10, Map.of()));
            if (cursor.isEmpty()) {
                answer.append(" total ").append(page.total()).append(" facets ").append(page.facets());
            }
            page.hits().stream().map(SearchHit::id).forEach(id -> answer.append(' ').append(id));
            cursor = page.next();
        } while (cursor.isPresent());
        return answer.toString();
    }
}
