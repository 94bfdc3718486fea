package dev.atelier.asset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.identity.Role;
import dev.atelier.testsupport.Api;
import dev.atelier.testsupport.IntegrationTest;
import dev.atelier.testsupport.Multipart;
import dev.atelier.testsupport.Poll;
import dev.atelier.testsupport.UniqueWords;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A confidential asset is invisible to everyone but its owner, managers and admins: not found, not listed, not counted, not faceted. */
class ConfidentialAssetTests extends IntegrationTest {

    @Test
    void aViewerNeverSeesCountsOrFacetsAConfidentialAsset() {
        String word = UniqueWords.next();
        Api owner = as("owner-conf", Role.CONTRIBUTOR);
        Api viewer = as("viewer-conf", Role.VIEWER);
        Api manager = as("manager-conf", Role.MANAGER);
        String open = upload(owner, "Open " + word, "open.txt");
        String secret = upload(owner, "Secret " + word, "secret.pdf.txt");
        awaitTotal(owner, word, 2);

        var marked = owner.json("PATCH", "/api/v1/assets/" + secret, "{\"confidential\":true}");

        assertThat(marked.status()).isEqualTo(200);
        assertThat(marked.json().get("confidential").asBoolean()).isTrue();
        JsonNode seen = awaitTotal(viewer, word, 1);
        assertThat(seen.get("items").get(0).get("id").asString()).isEqualTo(open);
        assertThat(facetTotal(seen, "owner")).isEqualTo(1);
        assertThat(viewer.get("/api/v1/assets/" + secret).status()).isEqualTo(404);
        assertThat(viewer.get("/api/v1/assets/" + secret + "/content").status()).isEqualTo(404);
        assertThat(viewer.get("/api/v1/assets/" + secret + "/history").status()).isEqualTo(404);
        assertThat(viewer.get("/api/v1/assets/" + secret + "/renditions").status()).isEqualTo(404);
        assertThat(viewer.get("/api/v1/assets/" + secret + "/metadata").status()).isEqualTo(404);
        assertThat(viewer.get("/api/v1/assets?limit=200").text()).doesNotContain(secret);
        assertThat(viewer.json("PATCH", "/api/v1/assets/" + secret, "{\"confidential\":false}").status()).isEqualTo(404);
        assertThat(as("contributor-conf", Role.CONTRIBUTOR).get("/api/v1/assets/" + secret).status()).isEqualTo(404);

        assertThat(awaitTotal(owner, word, 2).get("total").asLong()).isEqualTo(2);
        assertThat(awaitTotal(manager, word, 2).get("total").asLong()).isEqualTo(2);
        assertThat(manager.get("/api/v1/assets/" + secret).status()).isEqualTo(200);

        owner.json("PATCH", "/api/v1/assets/" + secret, "{\"confidential\":false}");
        awaitTotal(viewer, word, 2);
    }

    private static String upload(Api api, String title, String name) {
        byte[] bytes = (title + System.nanoTime()).getBytes();
        return api.upload("/api/v1/assets", Multipart.file(name, null, bytes).field("title", title)).json().get("id").asString();
    }

    private static JsonNode awaitTotal(Api api, String word, long total) {
        return Poll.until(() -> api.get("/api/v1/search?q=" + word).json(), r -> r.get("total").asLong() == total, Duration.ofSeconds(10));
    }

    private static long facetTotal(JsonNode result, String facet) {
        long sum = 0;
        for (JsonNode f : result.get("facets")) {
            if (f.get("name").asString().equals(facet)) {
                for (JsonNode v : f.get("values")) {
                    sum += v.get("count").asLong();
                }
            }
        }
        return sum;
    }
}
