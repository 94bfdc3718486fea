package dev.atelier.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.identity.Role;
import dev.atelier.testsupport.Api;
import dev.atelier.testsupport.IntegrationTest;
import dev.atelier.testsupport.Multipart;
import dev.atelier.testsupport.Poll;
import dev.atelier.testsupport.TestDocuments;
import dev.atelier.testsupport.TestImages;
import dev.atelier.testsupport.UniqueWords;
import java.awt.Color;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Search over HTTP against the whole application: events keep the index current. */
class SearchApiTests extends IntegrationTest {

    @Autowired
    SearchManagement search;

    @Test
    void findsAnUploadByTitleFileNameAndAnEditedDescriptionSoonAfterCommit() {
        String tag = UniqueWords.next();
        String id = upload("Harbour " + tag, tag + "_sunset.png", TestImages.png(20, 10, Color.BLUE));

        assertThat(ids(await("q=" + tag, r -> r.get("total").asLong() == 1))).containsExactly(id);
        assertThat(ids(search("q=" + enc("sunset " + tag)))).containsExactly(id);

        String later = UniqueWords.next();
        admin().json("PATCH", "/api/v1/assets/" + id, "{\"description\":\"lighthouse " + later + "\"}");
        assertThat(ids(await("q=" + later, r -> r.get("total").asLong() == 1))).containsExactly(id);
    }

    @Test
    void countsFacetsAndNarrowsByAChosenValueWhileStillCountingTheOthers() {
        String tag = UniqueWords.next();
        upload("one " + tag, "a.png", TestImages.png(8, 8, Color.RED));
        upload("two " + tag, "b.jpg", TestImages.jpeg(8, 8, Color.GREEN));
        upload("three " + tag, "c.pdf", TestDocuments.pdf(1, 100, 100));
        await("q=" + tag, r -> r.get("total").asLong() == 3);

        JsonNode images = search("q=" + tag + "&type=image");

        assertThat(images.get("total").asLong()).isEqualTo(2);
        assertThat(counts(images, "type")).containsExactlyInAnyOrder("image=2", "document=1");
        assertThat(counts(images, "format")).containsExactlyInAnyOrder("image/png=1", "image/jpeg=1");
        assertThat(search("q=" + enc(tag + " type:document")).get("total").asLong()).isEqualTo(1);
        assertThat(search("q=" + enc(tag + " format:png OR format:pdf " + tag)).get("total").asLong()).isEqualTo(2);
    }

    @Test
    void trashedAssetsLeaveTheLibraryResultsAndAreFoundInTheTrash() {
        String tag = UniqueWords.next();
        String id = upload("bin " + tag, "x.png", TestImages.png(8, 8, Color.BLACK));
        await("q=" + tag, r -> r.get("total").asLong() == 1);

        admin().delete("/api/v1/assets/" + id);

        await("q=" + tag, r -> r.get("total").asLong() == 0);
        assertThat(ids(search("q=" + enc(tag + " in:trash")))).containsExactly(id);
    }

    @Test
    void pagesThroughResultsWithTheNextCursor() {
        String tag = UniqueWords.next();
        List<String> uploaded = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            uploaded.add(upload("page " + i + " " + tag, "p.png", TestImages.png(4 + i, 4, Color.GRAY)));
        }
        await("q=" + tag, r -> r.get("total").asLong() == 5);

        List<String> seen = new ArrayList<>();
        String query = "q=" + tag + "&sort=title&limit=2";
        JsonNode page = search(query);
        assertThat(page.get("facets").isEmpty()).isFalse();
        seen.addAll(ids(page));
        while (page.hasNonNull("next")) {
            page = search(query + "&cursor=" + page.get("next").asString());
            assertThat(page.get("facets").isEmpty()).isTrue();
            seen.addAll(ids(page));
        }
        assertThat(seen).containsExactlyElementsOf(uploaded);
    }

    @Test
    void answersAMalformedQueryWithAProblemThatSaysWhere() {
        var unclosed = admin().get("/api/v1/search?q=" + enc("(logo OR icon"));
        var unknown = admin().get("/api/v1/search?q=" + enc("colour:red"));
        var badSort = admin().get("/api/v1/search?q=x&sort=random");

        assertThat(unclosed.status()).isEqualTo(400);
        assertThat(unclosed.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unclosed.json().get("type").asString()).isEqualTo("/problems/invalid-query");
        assertThat(unclosed.json().get("detail").asString()).isEqualTo("This '(' is never closed at position 1 of the query.");
        assertThat(unknown.json().get("detail").asString()).startsWith("There is no field 'colour'. Fields you can search: camera, caption").contains("created", "tag");
        assertThat(badSort.status()).isEqualTo(400);
    }

    @Test
    void recordsASearchThatFindsNothingAndSuggestsASpellingThatFinds() {
        String tag = UniqueWords.next();
        upload("Lighthouse " + tag, "l.png", TestImages.png(8, 8, Color.WHITE));
        await("q=" + tag, r -> r.get("total").asLong() == 1);
        String typo = "lighthuose " + tag;

        JsonNode nothing = search("q=" + enc(typo));

        assertThat(nothing.get("total").asLong()).isZero();
        assertThat(nothing.get("suggestion").asString()).isEqualTo("lighthouse " + tag);
        var admin = users.findByUsername("admin").orElseThrow().asActor();
        assertThat(search.misses(admin, typo)).isEqualTo(1);
    }

    @Test
    void adminsRebuildTheIndexInTheBackgroundAndSearchKeepsWorking() {
        String tag = UniqueWords.next();
        String id = upload("rebuilt " + tag, "r.png", TestImages.png(8, 8, Color.ORANGE));
        await("q=" + tag, r -> r.get("total").asLong() == 1);

        assertThat(as("viewer-search", Role.VIEWER).post("/api/v1/search/index/rebuild").status()).isEqualTo(403);
        var started = admin().post("/api/v1/search/index/rebuild");

        assertThat(started.status()).isEqualTo(202);
        assertThat(started.header("Location")).isEqualTo("/api/v1/search/index");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!admin().get("/api/v1/search/index").json().get("state").asString().equals("ready") && System.nanoTime() < deadline) {
            sleep();
        }
        JsonNode status = admin().get("/api/v1/search/index").json();
        assertThat(status.get("state").asString()).isEqualTo("ready");
        assertThat(status.get("indexed").asLong()).isEqualTo(status.get("total").asLong());
        assertThat(ids(search("q=" + tag))).containsExactly(id);
    }

    private String upload(String title, String filename, byte[] bytes) {
        return admin().upload("/api/v1/assets", Multipart.file(filename, null, bytes).field("title", title)).json().get("id").asString();
    }

    private JsonNode search(String query) {
        var response = admin().get("/api/v1/search?" + query);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    /** Polls until the index shows what the test expects: updates arrive asynchronously after commit. */
    private JsonNode await(String query, Predicate<JsonNode> done) {
        return Poll.until(() -> search(query), done, Duration.ofSeconds(10));
    }

    private static List<String> ids(JsonNode result) {
        List<String> ids = new ArrayList<>();
        result.get("items").forEach(n -> ids.add(n.get("id").asString()));
        return ids;
    }

    private static List<String> counts(JsonNode result, String facet) {
        List<String> counts = new ArrayList<>();
        result.get("facets").forEach(f -> {
            if (f.get("name").asString().equals(facet)) {
                f.get("values").forEach(v -> counts.add(v.get("value").asString() + "=" + v.get("count").asLong()));
            }
        });
        return counts;
    }


    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
