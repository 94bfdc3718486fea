package dev.atelier.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.asset.AssetId;
import dev.atelier.metadata.FieldType;
import dev.atelier.metadata.IndexedField;
import dev.atelier.search.InvalidQueryException;
import dev.atelier.search.SearchHit;
import dev.atelier.search.SearchQuery;
import dev.atelier.search.SearchResult;
import dev.atelier.search.SearchSort;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Lucene index on its own: a real index in a temporary directory. */
class LuceneAssetIndexTests {

    static final Set<String> EVERYONE = Set.of("role:viewer");
    static final Instant NOV = Instant.parse("2026-11-10T12:00:00Z");
    static final Instant OCT = Instant.parse("2026-10-10T12:00:00Z");

    @TempDir
    Path dir;
    LuceneAssetIndex index;

    @BeforeEach
    void open() throws Exception {
        index = new LuceneAssetIndex(dir, Duration.ofMillis(50), 10);
    }

    @AfterEach
    void close() throws Exception {
        index.close();
    }

    @Test
    void anIndexWrittenByAnOlderDocumentLayoutSaysItMustBeRebuiltUntilItIsCleared() throws Exception {
        assertThat(index.outdated()).as("a new, empty index").isFalse();
        index.upsert(List.of(doc("kept", "", "k.jpg", "image/jpeg", NOV, 1, EVERYONE)));
        index.commit();
        assertThat(index.outdated()).isFalse();
        index.close();

        // the same files, opened by code whose documents are laid out differently
        index = new LuceneAssetIndex(dir, Duration.ofMillis(50), 10, LuceneDocuments.LAYOUT + 1);
        assertThat(index.outdated()).isTrue();
        assertThat(titles("kept")).containsExactly("kept");
        index.clear();
        index.publish();
        index.commit();
        assertThat(index.outdated()).as("cleared for a rebuild").isFalse();
        index.close();
        index = new LuceneAssetIndex(dir, Duration.ofMillis(50), 10, LuceneDocuments.LAYOUT + 1);
        assertThat(index.outdated()).as("after a restart").isFalse();
    }

    @Test
    void findsByWordsInTitleDescriptionAndFileNameWithAccentsFoldedAndPrefixes() {
        index.upsert(List.of(doc("Café de Flore façade", "Shot at dawn", "paris_cafe-2026.jpg", "image/jpeg", NOV, 10, EVERYONE),
                doc("Quarterly report", "", "q3.pdf", "application/pdf", NOV, 10, EVERYONE)));

        assertThat(titles("cafe")).containsExactly("Café de Flore façade");
        assertThat(titles("dawn")).containsExactly("Café de Flore façade");
        assertThat(titles("paris")).containsExactly("Café de Flore façade");
        assertThat(titles("dawn 2026 jpg")).containsExactly("Café de Flore façade");
        assertThat(titles("quart*")).containsExactly("Quarterly report");
        assertThat(titles("\"de flore\"")).containsExactly("Café de Flore façade");
        assertThat(titles("report OR facade")).hasSize(2);
        assertThat(titles("-report")).containsExactly("Café de Flore façade");
    }

    @Test
    void filtersByTypeFormatDatesSizesAndLeavesTheTrashOutUnlessAsked() {
        index.upsert(List.of(doc("a", "", "a.jpg", "image/jpeg", NOV, 5_000_000, EVERYONE),
                doc("b", "", "b.mp4", "video/mp4", OCT, 50_000_000, EVERYONE),
                trashed(doc("c", "", "c.png", "image/png", NOV, 10, EVERYONE))));

        assertThat(titles("type:image")).containsExactly("a");
        assertThat(titles("format:mp4")).containsExactly("b");
        assertThat(titles("format:image/jpeg")).containsExactly("a");
        assertThat(titles("created:2026-11")).containsExactly("a");
        assertThat(titles("created:<2026-11-01")).containsExactly("b");
        assertThat(titles("created:2026-10-01..2026-10-31")).containsExactly("b");
        assertThat(titles("size:>10MB")).containsExactly("b");
        assertThat(titles("in:trash")).containsExactly("c");
        assertThatThrownBy(() -> titles("colour:red")).isInstanceOf(InvalidQueryException.class).hasMessageContaining("There is no field 'colour'");
        assertThatThrownBy(() -> titles("created:yesterday")).hasMessageContaining("needs a date like 2026");
        assertThatThrownBy(() -> titles("title:>b")).hasMessageContaining("cannot be compared");
    }

    @Test
    void aUserSeesCountsAndFacetsOnlyWhatTheyMayView() {
        UUID alice = UUID.randomUUID();
        index.upsert(List.of(doc("public one", "", "p.jpg", "image/jpeg", NOV, 1, EVERYONE),
                doc("secret plan", "", "s.pdf", "application/pdf", NOV, 1, Set.of("user:" + alice)),
                doc("secret image", "", "s.png", "image/png", NOV, 1, Set.of("user:" + alice))));

        var outsider = search("", Map.of(), Set.of("role:viewer", "user:" + UUID.randomUUID()), SearchSort.NEWEST, Optional.empty(), 10);
        var owner = search("", Map.of(), Set.of("role:viewer", "user:" + alice), SearchSort.NEWEST, Optional.empty(), 10);

        assertThat(outsider.total()).isEqualTo(1);
        assertThat(outsider.hits()).extracting(SearchHit::title).containsExactly("public one");
        assertThat(facet(outsider, "type")).containsExactly(Map.entry("image", 1L));
        assertThat(facet(outsider, "format")).containsOnly(Map.entry("image/jpeg", 1L));
        assertThat(search("secret", Map.of(), Set.of("role:viewer"), SearchSort.RELEVANCE, Optional.empty(), 10).total()).isZero();
        assertThat(owner.total()).isEqualTo(3);
        assertThat(facet(owner, "type")).containsEntry("image", 2L).containsEntry("document", 1L);
    }

    @Test
    void aChosenFacetNarrowsTheResultsButIsCountedWithoutItsOwnChoice() {
        index.upsert(List.of(doc("x1", "", "1.jpg", "image/jpeg", NOV, 1, EVERYONE), doc("x2", "", "2.jpg", "image/jpeg", OCT, 1, EVERYONE),
                doc("x3", "", "3.mp4", "video/mp4", NOV, 1, EVERYONE)));

        var result = search("", Map.of("type", List.of("image")), EVERYONE, SearchSort.NEWEST, Optional.empty(), 10);

        assertThat(result.hits()).extracting(SearchHit::title).containsExactly("x1", "x2");
        assertThat(facet(result, "type")).containsEntry("image", 2L).containsEntry("video", 1L);
        assertThat(facet(result, "created")).containsExactly(Map.entry("2026-11", 1L), Map.entry("2026-10", 1L));
        assertThat(result.facets().stream().filter(f -> f.name().equals("type")).findFirst().orElseThrow().values())
                .filteredOn(SearchResult.FacetValue::selected).extracting(SearchResult.FacetValue::value).containsExactly("image");
    }

    @Test
    void aChosenValueLessFrequentThanTheTopValuesKeepsItsCount() {
        List<AssetDocument> docs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            docs.add(doc("common " + i, "", "c.bin", "application/x-common" + i, NOV, 10, EVERYONE));
            docs.add(doc("common " + i, "", "c.bin", "application/x-common" + i, NOV, 10, EVERYONE));
        }
        docs.add(doc("rare", "", "r.bin", "application/x-rare", NOV, 10, EVERYONE));
        index.upsert(docs);

        var result = search("", Map.of("format", List.of("application/x-rare", "application/x-none")), EVERYONE, SearchSort.NEWEST,
                Optional.empty(), 10);

        assertThat(result.total()).isEqualTo(1);
        assertThat(facet(result, "format")).hasSize(12).containsEntry("application/x-rare", 1L).containsEntry("application/x-none", 0L);
    }

    @Test
    void pagesWithACursorInEverySortWithoutLossOrRepeat() {
        List<AssetDocument> docs = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            docs.add(doc("asset " + (char) ('a' + i % 5), "", "f.jpg", "image/jpeg", NOV.plusSeconds(i % 4), i % 3, EVERYONE));
        }
        index.upsert(docs);

        for (SearchSort sort : SearchSort.values()) {
            List<String> seen = new ArrayList<>();
            Optional<String> cursor = Optional.empty();
            do {
                var page = search("asset", Map.of(), EVERYONE, sort, cursor, 5);
                page.hits().forEach(h -> seen.add(h.id().toString()));
                cursor = page.next();
            } while (cursor.isPresent());
            assertThat(seen).as(sort.name()).hasSize(23).doesNotHaveDuplicates();
        }
        assertThat(search("", Map.of(), EVERYONE, SearchSort.TITLE, Optional.empty(), 23).hits().getFirst().title()).isEqualTo("asset a");
        assertThatThrownBy(() -> search("", Map.of(), EVERYONE, SearchSort.TITLE, Optional.of("bm9wZQ"), 5))
                .hasMessageContaining("cursor is not valid");
    }

    @Test
    void keepsRevisionsAndShowsARebuildOnlyWhenPublished() {
        var a = doc("first", "", "a.jpg", "image/jpeg", NOV, 1, EVERYONE);
        index.upsert(List.of(a));
        assertThat(index.indexed(a.id())).hasValue(new AssetIndex.Indexed(3, 1, false, false, false));
        assertThat(index.indexed(new AssetId(UUID.randomUUID()))).isEmpty();

        index.holdPublishing(true);
        index.clear();
        index.upsert(List.of(doc("second", "", "b.jpg", "image/jpeg", NOV, 1, EVERYONE)));
        assertThat(titles("")).containsExactly("first");
        index.holdPublishing(false);
        index.publish();
        assertThat(titles("")).containsExactly("second");
    }

    @Test
    void searchesAndFacetsWhatTheFileSaysAboutItself() {
        var embedded = new AssetDocument.Embedded(List.of("Harbour", "New York"), List.of("Ada Lovelace"), "Boats at dawn",
                "© Example Ltd", "Canon EOS R5", Optional.of(Instant.parse("2024-05-01T06:30:00Z")), Optional.of("portrait"));
        var plain = doc("IMG_0001", "", "img_0001.jpg", "image/jpeg", NOV, 1, EVERYONE);
        index.upsert(List.of(new AssetDocument(plain.id(), 3, plain.title(), "", plain.filenames(), "image", "image/jpeg", "alice", false,
                NOV, NOV, 1, 1, EVERYONE, true, embedded, Set.of()), doc("other", "", "o.jpg", "image/jpeg", NOV, 1, EVERYONE)));

        assertThat(titles("lovelace")).containsExactly("IMG_0001");
        assertThat(titles("tag:\"new york\"")).containsExactly("IMG_0001");
        assertThat(titles("boats")).containsExactly("IMG_0001");
        assertThat(titles("camera:canon")).containsExactly("IMG_0001");
        assertThat(titles("captured:2024-05")).containsExactly("IMG_0001");
        assertThat(titles("orientation:portrait")).containsExactly("IMG_0001");
        var all = search("", Map.of(), EVERYONE, SearchSort.NEWEST, Optional.empty(), 10);
        assertThat(facet(all, "tag")).containsOnly(Map.entry("harbour", 1L), Map.entry("new york", 1L));
        assertThat(facet(all, "orientation")).containsOnly(Map.entry("portrait", 1L));
        assertThat(index.indexed(plain.id()).orElseThrow().metadataRead()).isTrue();
    }

    @Test
    void searchesAndFacetsCustomFieldsByTheirType() {
        var summer = withFields(doc("summer poster", "", "s.jpg", "image/jpeg", NOV, 1, EVERYONE), Set.of(),
                new IndexedField("channel", FieldType.MULTI_CHOICE, List.of("Web", "Print"), Set.of()),
                new IndexedField("budget", FieldType.NUMBER, List.of("1500.5"), Set.of()),
                new IndexedField("launch", FieldType.DATE, List.of("2027-03-01"), Set.of()),
                new IndexedField("approved", FieldType.BOOLEAN, List.of("true"), Set.of()),
                new IndexedField("subject", FieldType.TERM, List.of("Automobile"), Set.of("Vehicles", "Automobile", "car")));
        var winter = withFields(doc("winter poster", "", "w.jpg", "image/jpeg", NOV, 1, EVERYONE), Set.of(),
                new IndexedField("channel", FieldType.MULTI_CHOICE, List.of("Web"), Set.of()),
                new IndexedField("budget", FieldType.NUMBER, List.of("200"), Set.of()));
        index.upsert(List.of(summer, winter));

        assertThat(titles("channel:print")).containsExactly("summer poster");
        assertThat(titles("budget:>1000")).containsExactly("summer poster");
        assertThat(titles("budget:100..300")).containsExactly("winter poster");
        assertThat(titles("launch:2027-03")).containsExactly("summer poster");
        assertThat(titles("approved:yes")).containsExactly("summer poster");
        assertThat(titles("subject:vehicles")).as("a broader term finds the narrower one").containsExactly("summer poster");
        assertThat(titles("car")).as("a synonym finds the term in free text").containsExactly("summer poster");
        var web = search("", Map.of("channel", List.of("Web")), EVERYONE, SearchSort.NEWEST, Optional.empty(), 10);
        assertThat(web.total()).isEqualTo(2);
        assertThat(facet(web, "channel")).containsOnly(Map.entry("Web", 2L), Map.entry("Print", 1L));
        assertThatThrownBy(() -> titles("budget:lots")).isInstanceOf(dev.atelier.search.InvalidQueryException.class);
    }

    @Test
    void findsKeywordsByTheirSynonyms() {
        index.upsert(List.of(withFields(doc("red coupe", "", "c.jpg", "image/jpeg", NOV, 1, EVERYONE), Set.of("car", "vehicles"))));
        assertThat(titles("car")).containsExactly("red coupe");
    }

    @Test
    void searchesTheFilesTextAtTheLowestWeight() {
        var titled = doc("Harbour at dawn", "", "h.jpg", "image/jpeg", OCT, 1, EVERYONE);
        var report = doc("Annual report", "", "r.pdf", "application/pdf", NOV, 1, EVERYONE);
        index.upsert(List.of(titled, withText(report, "Plans for the harbour expansion, phase two.")));

        var ranked = search("harbour", Map.of(), EVERYONE, SearchSort.RELEVANCE, Optional.empty(), 10).hits();

        assertThat(ranked.stream().map(SearchHit::title)).containsExactly("Harbour at dawn", "Annual report");
        assertThat(titles("content:harbour")).containsExactly("Annual report");
        assertThat(titles("content:\"harbour expansion\"")).containsExactly("Annual report");
        assertThat(titles("expansion phase")).containsExactly("Annual report");
        assertThat(index.indexed(report.id()).orElseThrow().textRead()).isTrue();
        assertThat(index.indexed(titled.id()).orElseThrow().textRead()).isFalse();
    }

    @Test
    void suggestsTheSpellingTheIndexKnows() {
        index.upsert(List.of(doc("Mountain landscape", "", "m.jpg", "image/jpeg", NOV, 1, EVERYONE)));
        assertThat(index.correct("montain")).hasValue("mountain");
        assertThat(index.correct("zzzzzz")).isEmpty();
    }

    @Test
    void survivesAReopenWithWhatWasCommitted() throws Exception {
        index.upsert(List.of(doc("kept", "", "k.jpg", "image/jpeg", NOV, 1, EVERYONE)));
        index.close();
        index = new LuceneAssetIndex(dir, Duration.ofMillis(50), 10);
        assertThat(titles("kept")).containsExactly("kept");
    }

    @Test
    void facesAreFoundByCountRangeAndBucketAndAnUnknownCountMatchesNone() {
        index.upsert(List.of(withFaces(doc("nobody", "", "n.jpg", "image/jpeg", NOV, 1, EVERYONE), OptionalInt.of(0)),
                withFaces(doc("one", "", "o.jpg", "image/jpeg", NOV, 1, EVERYONE), OptionalInt.of(1)),
                withFaces(doc("three", "", "t.jpg", "image/jpeg", NOV, 1, EVERYONE), OptionalInt.of(3)),
                withFaces(doc("crowd", "", "c.jpg", "image/jpeg", NOV, 1, EVERYONE), OptionalInt.of(12)),
                withFaces(doc("unknown", "", "u.jpg", "image/jpeg", NOV, 1, EVERYONE), OptionalInt.empty())));

        assertThat(titles("faces:0")).containsExactly("nobody");
        assertThat(titles("faces:none")).containsExactly("nobody");
        assertThat(titles("faces:>2")).containsExactlyInAnyOrder("three", "crowd");
        assertThat(titles("faces:2-5")).containsExactly("three");
        assertThat(titles("faces:6+")).containsExactly("crowd");
        assertThat(titles("faces:1..3")).containsExactlyInAnyOrder("one", "three");
        assertThat(titles("-faces:0 type:image")).doesNotContain("nobody").contains("unknown");
        var result = search("", Map.of("faces", List.of("2-5", "6+")), EVERYONE, SearchSort.NEWEST, Optional.empty(), 10);
        assertThat(result.hits()).extracting(SearchHit::title).containsExactlyInAnyOrder("three", "crowd");
        assertThat(facet(result, "faces")).containsExactly(Map.entry("none", 1L), Map.entry("1", 1L), Map.entry("2-5", 1L),
                Map.entry("6+", 1L));
        assertThatThrownBy(() -> titles("faces:lots")).hasMessageContaining("needs a whole number, none, a range like 2-5");
    }

    private static AssetDocument withFaces(AssetDocument d, OptionalInt faces) {
        return new AssetDocument(d.id(), d.revision(), d.title(), d.description(), d.filenames(), d.type(), d.mediaType(), d.owner(),
                d.trashed(), d.createdAt(), d.updatedAt(), d.size(), d.versions(), d.readers(), d.metadataRead(), d.embedded(),
                d.collections(), true, new AssetDocument.Pixels(List.of("gray"), false, 640 * 480, faces), d.fields(), d.synonyms(),
                d.textRead(), d.content(), d.tags(), d.status());
    }

    private static final Map<String, FieldType> CUSTOM = Map.of("channel", FieldType.MULTI_CHOICE, "budget", FieldType.NUMBER,
            "launch", FieldType.DATE, "approved", FieldType.BOOLEAN, "subject", FieldType.TERM);

    private List<String> titles(String q) {
        return search(q, Map.of(), EVERYONE, SearchSort.NEWEST, Optional.empty(), 50).hits().stream().map(SearchHit::title).toList();
    }

    private AssetIndex.Page search(String q, Map<String, List<String>> selected, Set<String> readers, SearchSort sort,
            Optional<String> after, int limit) {
        return index.search(new AssetIndex.Query(SearchQuery.parse(q), selected, readers, "me", sort, after, limit, after.isEmpty(), 10, CUSTOM));
    }

    private static Map<String, Long> facet(AssetIndex.Page page, String name) {
        var values = new java.util.LinkedHashMap<String, Long>();
        page.facets().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow().values().forEach(v -> values.put(v.value(), v.count()));
        return values;
    }

    static AssetDocument doc(String title, String description, String filename, String mediaType, Instant created, long size,
            Set<String> readers) {
        return new AssetDocument(new AssetId(UUID.randomUUID()), 3, title, description, List.of(filename),
                AssetDocuments.typeOf(mediaType), mediaType, "alice", false, created, created, size, 1, readers, false,
                AssetDocument.Embedded.NONE, Set.of());
    }

    private static AssetDocument withFields(AssetDocument d, Set<String> synonyms, IndexedField... fields) {
        return new AssetDocument(d.id(), d.revision(), d.title(), d.description(), d.filenames(), d.type(), d.mediaType(), d.owner(), d.trashed(),
                d.createdAt(), d.updatedAt(), d.size(), d.versions(), d.readers(), d.metadataRead(), d.embedded(), d.collections(),
                d.analysed(), d.pixels(), List.of(fields), synonyms, d.textRead(), d.content(), d.tags(), d.status());
    }

    private static AssetDocument withText(AssetDocument d, String content) {
        return new AssetDocument(d.id(), d.revision(), d.title(), d.description(), d.filenames(), d.type(), d.mediaType(), d.owner(),
                d.trashed(), d.createdAt(), d.updatedAt(), d.size(), d.versions(), d.readers(), d.metadataRead(), d.embedded(),
                d.collections(), d.analysed(), d.pixels(), d.fields(), d.synonyms(), true, content, d.tags(), d.status());
    }

    private static AssetDocument trashed(AssetDocument d) {
        return new AssetDocument(d.id(), d.revision(), d.title(), d.description(), d.filenames(), d.type(), d.mediaType(), d.owner(), true,
                d.createdAt(), d.updatedAt(), d.size(), d.versions(), d.readers(), d.metadataRead(), d.embedded(), d.collections(), d.analysed(), d.pixels(),
                d.fields(), d.synonyms(), d.textRead(), d.content(), d.tags(), d.status());
    }
}
