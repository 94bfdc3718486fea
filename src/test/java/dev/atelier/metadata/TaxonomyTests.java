package dev.atelier.metadata;

import static dev.atelier.metadata.FieldTests.set;
import static dev.atelier.metadata.FieldTests.values;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.identity.Role;
import dev.atelier.testsupport.IntegrationTest;
import dev.atelier.testsupport.Multipart;
import dev.atelier.testsupport.Poll;
import dev.atelier.testsupport.TestImages;
import dev.atelier.testsupport.UniqueWords;
import java.awt.Color;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Vocabularies with synonyms and broader terms, and how renames, moves and merges reach every tagged asset. */
class TaxonomyTests extends IntegrationTest {

    @Test
    void aSynonymFindsTheTermAndABroaderTermFindsTheNarrowerOne() {
        String k = UniqueWords.next();
        String vocabulary = post("/api/v1/vocabularies", "{\"name\":\"Subjects " + k + "\"}");
        String vehicles = post("/api/v1/vocabularies/" + vocabulary + "/terms", "{\"label\":\"Vehicles " + k + "\"}");
        String automobile = post("/api/v1/vocabularies/" + vocabulary + "/terms",
                "{\"label\":\"Automobile " + k + "\",\"synonyms\":[\"car " + k + "\"],\"parent\":\"" + vehicles + "\"}");
        define(k, vocabulary);
        String asset = upload(k);

        var tagged = admin().json("PATCH", "/api/v1/assets/" + asset + "/fields", set(k, "CAR " + k));

        assertThat(tagged.status()).as(tagged.text()).isEqualTo(200);
        assertThat(values(tagged.json(), k)).as("the synonym resolves to its term").containsExactly("Automobile " + k);
        assertThat(stored(tagged.json(), k)).containsExactly(automobile);
        assertThat(awaitIds("\"car " + k + "\"", 1)).containsExactly(asset);
        assertThat(awaitIds(k + ":\"vehicles " + k + "\"", 1)).containsExactly(asset);
        assertThat(admin().json("PATCH", "/api/v1/assets/" + asset + "/fields", set(k, "boat " + k)).status()).isEqualTo(400);
    }

    @Test
    void renamingMergingAndMovingATermReachesEveryAssetCarryingIt() {
        String k = UniqueWords.next();
        String vocabulary = post("/api/v1/vocabularies", "{\"name\":\"Places " + k + "\"}");
        String europe = post("/api/v1/vocabularies/" + vocabulary + "/terms", "{\"label\":\"Europe " + k + "\"}");
        String paris = post("/api/v1/vocabularies/" + vocabulary + "/terms", "{\"label\":\"Paris " + k + "\"}");
        String lutece = post("/api/v1/vocabularies/" + vocabulary + "/terms", "{\"label\":\"Lutece " + k + "\"}");
        define(k, vocabulary);
        String a = upload(k + " a");
        String b = upload(k + " b");
        admin().json("PATCH", "/api/v1/assets/" + a + "/fields", set(k, "Paris " + k));
        admin().json("PATCH", "/api/v1/assets/" + b + "/fields", set(k, "Lutece " + k));

        admin().json("PATCH", "/api/v1/terms/" + paris, "{\"label\":\"Paname " + k + "\",\"parent\":\"" + europe + "\"}");
        assertThat(awaitIds(k + ":\"paname " + k + "\"", 1)).containsExactly(a);
        assertThat(awaitIds(k + ":\"europe " + k + "\"", 1)).containsExactly(a);

        var merged = admin().json("POST", "/api/v1/terms/" + lutece + "/merge", "{\"into\":\"" + paris + "\"}");
        assertThat(merged.status()).as(merged.text()).isEqualTo(200);
        assertThat(merged.json().get("synonyms").toString()).contains("Lutece " + k);
        assertThat(values(admin().get("/api/v1/assets/" + b + "/fields").json(), k)).containsExactly("Paname " + k);
        assertThat(awaitIds(k + ":\"europe " + k + "\"", 2)).containsExactlyInAnyOrder(a, b);
        assertThat(awaitIds("\"lutece " + k + "\"", 2)).as("the old name still finds them").containsExactlyInAnyOrder(a, b);
        assertThat(admin().get("/api/v1/terms/" + lutece).status()).isEqualTo(404);

        assertThat(admin().json("PATCH", "/api/v1/terms/" + europe, "{\"parent\":\"" + paris + "\"}").status()).as("no cycles").isEqualTo(409);
        assertThat(admin().delete("/api/v1/terms/" + paris).status()).as("still carried").isEqualTo(409);
        assertThat(as("viewer-" + k, Role.VIEWER).json("POST", "/api/v1/vocabularies/" + vocabulary + "/terms", "{\"label\":\"x\"}").status())
                .isEqualTo(403);
    }

    @Test
    void aKeywordWrittenInTheFileIsFoundByItsSynonyms() throws Exception {
        MetadataTests.needsExifTool();
        String k = UniqueWords.next();
        String vocabulary = post("/api/v1/vocabularies", "{\"name\":\"Keywords " + k + "\"}");
        post("/api/v1/vocabularies/" + vocabulary + "/terms", "{\"label\":\"automobile" + k + "\",\"synonyms\":[\"car" + k + "\"]}");
        byte[] photo = MetadataTests.tagged(TestImages.jpeg(64, 48, Color.RED), "-XMP-dc:Subject=automobile" + k);
        String id = admin().upload("/api/v1/assets", Multipart.file("car.jpg", null, photo)).json().get("id").asString();

        assertThat(awaitIds("car" + k, 1)).containsExactly(id);
        String term = admin().get("/api/v1/vocabularies/" + vocabulary + "/terms").json().get(0).get("id").asString();
        admin().json("PATCH", "/api/v1/terms/" + term, "{\"synonyms\":[\"motorcar" + k + "\"]}");
        assertThat(awaitIds("motorcar" + k, 1)).as("a synonym added later reaches assets tagged in the file").containsExactly(id);
    }

    private static java.util.List<String> stored(JsonNode fields, String key) {
        java.util.List<String> stored = new java.util.ArrayList<>();
        fields.get("fields").forEach(f -> {
            if (f.get("field").get("key").asString().equals(key)) {
                f.get("stored").forEach(v -> stored.add(v.asString()));
            }
        });
        return stored;
    }

    private void define(String key, String vocabulary) {
        var response = admin().json("POST", "/api/v1/fields", "{\"key\":\"" + key + "\",\"label\":\"Subject\",\"type\":\"term\",\"vocabulary\":\""
                + vocabulary + "\"}");
        assertThat(response.status()).as(response.text()).isEqualTo(201);
    }

    private String post(String path, String json) {
        var response = admin().json("POST", path, json);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private String upload(String title) {
        byte[] bytes = (title + " " + System.nanoTime()).getBytes();
        return admin().upload("/api/v1/assets", Multipart.file("f.txt", null, bytes).field("title", title)).json().get("id").asString();
    }

    private java.util.List<String> awaitIds(String query, long total) {
        JsonNode result = Poll.until(() -> admin().get("/api/v1/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)).json(),
                r -> r.get("total").asLong() == total, Duration.ofSeconds(10));
        java.util.List<String> ids = new java.util.ArrayList<>();
        result.get("items").forEach(n -> ids.add(n.get("id").asString()));
        return ids;
    }
}
