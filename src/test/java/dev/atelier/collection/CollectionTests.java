package dev.atelier.collection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.identity.Role;
import dev.atelier.testsupport.IntegrationTest;
import dev.atelier.testsupport.Multipart;
import dev.atelier.testsupport.Poll;
import dev.atelier.testsupport.UniqueWords;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Folders, collections and smart collections over HTTP, and how search follows them. */
class CollectionTests extends IntegrationTest {

    @Test
    void aFolderFindsWhatItsCollectionsHoldAndStopsWhenOneMovesOut() {
        String word = UniqueWords.next();
        String a = upload(word + " one");
        String b = upload(word + " two");
        String folder = create("{\"name\":\"Campaigns " + word + "\",\"kind\":\"folder\"}");
        String spring = create("{\"name\":\"Spring\",\"parentId\":\"" + folder + "\"}");

        var added = admin().json("POST", "/api/v1/collections/" + spring + "/assets", "{\"assetIds\":[\"" + a + "\",\"" + b + "\",\"" + a + "\"]}");

        assertThat(added.json().get("added").asInt()).isEqualTo(2);
        assertThat(ids(await("collection=" + folder, 2))).containsExactlyInAnyOrder(a, b);
        JsonNode facets = search("q=" + word).get("facets");
        assertThat(facetCount(facets, folder)).isEqualTo(2);
        assertThat(facetCount(facets, spring)).isEqualTo(2);
        assertThat(admin().get("/api/v1/assets/" + a + "/collections").json().get(0).get("name").asString()).isEqualTo("Spring");
        assertThat(admin().get("/api/v1/collections/" + spring).json().get("size").asLong()).isEqualTo(2);

        admin().json("PATCH", "/api/v1/collections/" + spring, "{\"parentId\":\"\"}");
        await("collection=" + folder, 0);
        assertThat(ids(search("collection=" + spring))).containsExactlyInAnyOrder(a, b);

        assertThat(admin().delete("/api/v1/collections/" + spring + "/assets/" + a).status()).isEqualTo(204);
        await("collection=" + spring, 1);
    }

    @Test
    void aSmartCollectionIsFilledByItsSearchAndNotByHand() {
        String word = UniqueWords.next();
        String match = upload("Poster " + word);
        upload("Other " + UniqueWords.next());
        String smart = create("{\"name\":\"Posters\",\"kind\":\"smart\",\"query\":\"" + word + " type:document\"}");

        assertThat(ids(await("collection=" + smart, 1))).containsExactly(match);
        var byHand = admin().json("POST", "/api/v1/collections/" + smart + "/assets", "{\"assetIds\":[\"" + match + "\"]}");
        assertThat(byHand.status()).isEqualTo(400);
        assertThat(admin().json("POST", "/api/v1/collections", "{\"name\":\"Empty\",\"kind\":\"smart\"}").status()).isEqualTo(400);
    }

    @Test
    void keepsTheTreeATreeAndTheAssetsWhenACollectionGoes() {
        String word = UniqueWords.next();
        String asset = upload(word);
        String outer = create("{\"name\":\"Outer\",\"kind\":\"folder\"}");
        String inner = create("{\"name\":\"Inner\",\"kind\":\"folder\",\"parentId\":\"" + outer + "\"}");
        String flat = create("{\"name\":\"Flat\"}");

        assertThat(admin().json("PATCH", "/api/v1/collections/" + outer, "{\"parentId\":\"" + inner + "\"}").status()).isEqualTo(400);
        assertThat(admin().json("POST", "/api/v1/collections", "{\"name\":\"x\",\"parentId\":\"" + flat + "\"}").status()).isEqualTo(400);
        assertThat(admin().delete("/api/v1/collections/" + outer).status()).isEqualTo(400);

        admin().json("POST", "/api/v1/collections/" + flat + "/assets", "{\"assetIds\":[\"" + asset + "\"]}");
        await("collection=" + flat, 1);
        assertThat(admin().delete("/api/v1/collections/" + flat).status()).isEqualTo(204);
        assertThat(admin().get("/api/v1/collections/" + flat).status()).isEqualTo(404);
        assertThat(admin().get("/api/v1/assets/" + asset).status()).isEqualTo(200);
        Poll.until(() -> search("q=" + word), r -> facetCount(r.get("facets"), flat) == 0, Duration.ofSeconds(10));
    }

    @Test
    void viewersCannotMakeCollectionsAndContributorsChangeOnlyTheirOwn() {
        String mine = create("{\"name\":\"Admin's\"}");
        assertThat(as("viewer-col", Role.VIEWER).json("POST", "/api/v1/collections", "{\"name\":\"x\"}").status()).isEqualTo(403);
        var contributor = as("contributor-col", Role.CONTRIBUTOR);
        assertThat(contributor.json("POST", "/api/v1/collections", "{\"name\":\"Theirs\"}").status()).isEqualTo(201);
        assertThat(contributor.json("PATCH", "/api/v1/collections/" + mine, "{\"name\":\"Taken\"}").status()).isEqualTo(403);
    }

    private String upload(String title) {
        byte[] bytes = (title + " " + System.nanoTime()).getBytes();
        return admin().upload("/api/v1/assets", Multipart.file("f.txt", null, bytes).field("title", title)).json().get("id").asString();
    }

    private String create(String json) {
        var response = admin().json("POST", "/api/v1/collections", json);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private JsonNode search(String query) {
        var response = admin().get("/api/v1/search?" + query);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json();
    }

    private JsonNode await(String query, long total) {
        return Poll.until(() -> search(query), r -> r.get("total").asLong() == total, Duration.ofSeconds(10));
    }

    private static long facetCount(JsonNode facets, String value) {
        for (JsonNode f : facets) {
            if (f.get("name").asString().equals("collection")) {
                for (JsonNode v : f.get("values")) {
                    if (v.get("value").asString().equals(value)) {
                        return v.get("count").asLong();
                    }
                }
            }
        }
        return 0;
    }

    private static List<String> ids(JsonNode result) {
        List<String> ids = new ArrayList<>();
        result.get("items").forEach(n -> ids.add(n.get("id").asString()));
        return ids;
    }
}
