package dev.atelier.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.identity.Role;
import dev.atelier.testsupport.Api;
import dev.atelier.testsupport.AutoTags;
import dev.atelier.testsupport.IntegrationTest;
import dev.atelier.testsupport.UniqueWords;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Tags people give assets, over HTTP: an audited edit of the asset, found by tag: and counted in the tag facet. */
class AssetTagTests extends IntegrationTest {

    @Test
    void addedTagsAreFoundByTagAndCountedInTheFacetAndRemovedOnesAreNot() {
        String word = UniqueWords.next();
        String harbour = upload("Quay " + word);
        String other = upload("Field " + word);

        var added = admin().json("PATCH", "/api/v1/assets/" + harbour + "/tags", "{\"add\":[\"Harbour\", \"  boats \", \"harbour\"]}");

        assertThat(added.status()).as(added.text()).isEqualTo(200);
        assertThat(tags(added.json())).containsExactly("boats", "Harbour");
        assertThat(AutoTags.awaitSearch(admin(), "tag:harbour " + word, 1).get("items").get(0).get("id").asString()).isEqualTo(harbour);
        assertThat(facet(AutoTags.awaitSearch(admin(), word, 2), "tag")).contains("harbour=1", "boats=1");

        admin().json("PATCH", "/api/v1/assets/" + harbour + "/tags", "{\"remove\":[\"HARBOUR\"]}");
        AutoTags.awaitSearch(admin(), "tag:harbour " + word, 0);
        assertThat(AutoTags.awaitSearch(admin(), "tag:boats " + word, 1).get("items").get(0).get("id").asString()).isEqualTo(harbour);
        assertThat(tags(admin().get("/api/v1/assets/" + other + "/tags").json())).isEmpty();
    }

    @Test
    void aTagChangeIsAnAuditedEditThatHonoursIfMatch() {
        String asset = upload("Audited tags");
        String etag = admin().get("/api/v1/assets/" + asset + "/tags").header("ETag");

        var first = admin().json("PATCH", "/api/v1/assets/" + asset + "/tags", "{\"add\":[\"pier\"]}", "If-Match", etag);
        var stale = admin().json("PATCH", "/api/v1/assets/" + asset + "/tags", "{\"add\":[\"dock\"]}", "If-Match", etag);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("ETag")).isNotEqualTo(etag);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(tags(admin().get("/api/v1/assets/" + asset + "/tags").json())).containsExactly("pier");
        assertThat(admin().get("/api/v1/assets/" + asset + "/history").json().toString()).contains("changed=tags: +pier");
    }

    @Test
    void badTagsAreProblemsAndViewersCannotTag() {
        String asset = upload("Refused tags");
        Api viewer = as("viewer-tags", Role.VIEWER);

        var empty = admin().json("PATCH", "/api/v1/assets/" + asset + "/tags", "{\"add\":[\"  \"]}");
        var tooLong = admin().json("PATCH", "/api/v1/assets/" + asset + "/tags", "{\"add\":[\"" + "x".repeat(101) + "\"]}");
        var byViewer = viewer.json("PATCH", "/api/v1/assets/" + asset + "/tags", "{\"add\":[\"mine\"]}");

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.header("Content-Type")).startsWith("application/problem+json");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(byViewer.status()).isEqualTo(403);
        assertThat(viewer.get("/api/v1/assets/" + asset + "/tags").status()).isEqualTo(200);
        assertThat(tags(admin().get("/api/v1/assets/" + asset + "/tags").json())).isEmpty();
    }

    private String upload(String title) {
        return AutoTags.upload(admin(), title, "note.txt", (title + " " + System.nanoTime()).getBytes(StandardCharsets.UTF_8));
    }

    static List<String> tags(JsonNode resource) {
        List<String> out = new ArrayList<>();
        resource.get("tags").forEach(t -> out.add(t.asString()));
        return out;
    }

    static List<String> facet(JsonNode result, String name) {
        return ImageAnalysisTests.facet(result, name);
    }
}
