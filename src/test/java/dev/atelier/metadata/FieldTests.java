package dev.atelier.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.identity.Role;
import dev.atelier.testsupport.IntegrationTest;
import dev.atelier.testsupport.Multipart;
import dev.atelier.testsupport.Poll;
import dev.atelier.testsupport.UniqueWords;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The metadata schema over HTTP: defining fields, validating and editing values, and finding assets by them. */
class FieldTests extends IntegrationTest {

    @Test
    void validatesEveryValueByItsTypeAndNamesTheFieldThatIsWrong() {
        String k = UniqueWords.next();
        define("{\"key\":\"" + k + "_budget\",\"label\":\"Budget\",\"type\":\"number\"}");
        define("{\"key\":\"" + k + "_launch\",\"label\":\"Launch\",\"type\":\"date\"}");
        define("{\"key\":\"" + k + "_channel\",\"label\":\"Channel\",\"type\":\"multi-choice\",\"options\":[\"Web\",\"Print\",\"Social\"]}");
        define("{\"key\":\"" + k + "_link\",\"label\":\"Landing page\",\"type\":\"url\"}");
        String asset = upload(k);

        var bad = admin().json("PATCH", "/api/v1/assets/" + asset + "/fields", "[{\"field\":\"" + k + "_budget\",\"operation\":\"set\",\"values\":[\"lots\"]},"
                + "{\"field\":\"" + k + "_channel\",\"operation\":\"add\",\"values\":[\"Radio\"]},"
                + "{\"field\":\"" + k + "_link\",\"operation\":\"set\",\"values\":[\"javascript:alert(1)\"]},"
                + "{\"field\":\"" + k + "_launch\",\"operation\":\"set\",\"values\":[\"2027-03-01\"]}]");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
        assertThat(errorFields(bad.json())).containsExactlyInAnyOrder(k + "_budget", k + "_channel", k + "_link");
        assertThat(bad.json().get("detail").asString()).contains("Budget needs a number").contains("'Radio' is not one of the options");
        assertThat(values(admin().get("/api/v1/assets/" + asset + "/fields").json(), k + "_launch")).as("nothing written").isEmpty();

        var good = admin().json("PATCH", "/api/v1/assets/" + asset + "/fields", "[{\"field\":\"" + k + "_budget\",\"operation\":\"set\",\"values\":[\"1500.50\"]},"
                + "{\"field\":\"" + k + "_channel\",\"operation\":\"add\",\"values\":[\"web\",\"Print\"]}]");
        assertThat(good.status()).as(good.text()).isEqualTo(200);
        assertThat(values(good.json(), k + "_budget")).containsExactly("1500.5");
        assertThat(values(good.json(), k + "_channel")).as("the option's own spelling").containsExactly("Web", "Print");

        var removed = admin().json("PATCH", "/api/v1/assets/" + asset + "/fields", "[{\"field\":\"" + k + "_channel\",\"operation\":\"remove\",\"values\":[\"Web\"]}]");
        assertThat(values(removed.json(), k + "_channel")).containsExactly("Print");
    }

    @Test
    void anEditIsAnEditOfTheAsset() {
        String k = UniqueWords.next();
        define("{\"key\":\"" + k + "\",\"label\":\"Campaign\",\"type\":\"text\"}");
        String asset = upload(k);
        String etag = admin().get("/api/v1/assets/" + asset + "/fields").header("ETag");

        var first = admin().json("PATCH", "/api/v1/assets/" + asset + "/fields", set(k, "Spring"), "If-Match", etag);
        var stale = admin().json("PATCH", "/api/v1/assets/" + asset + "/fields", set(k, "Autumn"), "If-Match", etag);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("ETag")).isNotEqualTo(etag).isEqualTo(admin().get("/api/v1/assets/" + asset).header("ETag"));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(values(admin().get("/api/v1/assets/" + asset + "/fields").json(), k)).containsExactly("Spring");
        JsonNode audit = admin().get("/api/v1/audit?limit=50").json();
        assertThat(audit.toString()).contains("changed=fields: " + k);
        assertThat(as("viewer-" + k, Role.VIEWER).json("PATCH", "/api/v1/assets/" + asset + "/fields", set(k, "x")).status()).isEqualTo(403);
        assertThat(as("manager-" + k, Role.MANAGER).json("POST", "/api/v1/fields", "{\"key\":\"" + k + "_x\",\"label\":\"X\",\"type\":\"text\"}")
                .status()).isEqualTo(403);
    }

    @Test
    void aRequiredFieldOfACollectionIsAskedForOnlyThere() {
        String k = UniqueWords.next();
        String collection = admin().json("POST", "/api/v1/collections", "{\"name\":\"Regulated " + k + "\"}").json().get("id").asString();
        define("{\"key\":\"" + k + "\",\"label\":\"Licence number\",\"type\":\"text\",\"required\":true,\"collections\":[\"" + collection + "\"]}");
        String inside = upload(k + " in");
        String outside = upload(k + " out");
        admin().json("POST", "/api/v1/collections/" + collection + "/assets", "{\"assetIds\":[\"" + inside + "\"]}");

        var missing = admin().json("PUT", "/api/v1/assets/" + inside + "/fields", "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("detail").asString()).contains("Licence number is required.");
        assertThat(admin().json("PUT", "/api/v1/assets/" + inside + "/fields", "{\"" + k + "\":[\"L-42\"]}").status()).isEqualTo(200);
        assertThat(admin().json("PATCH", "/api/v1/assets/" + inside + "/fields", "[{\"field\":\"" + k + "\",\"operation\":\"clear\"}]").status())
                .isEqualTo(400);
        assertThat(keys(admin().get("/api/v1/assets/" + outside + "/fields").json())).doesNotContain(k);
        assertThat(admin().json("PATCH", "/api/v1/assets/" + outside + "/fields", set(k, "L-1")).status()).isEqualTo(400);
    }

    @Test
    void findsAssetsByFieldValuesAndCountsChoicesAsFacets() {
        String k = UniqueWords.next();
        define("{\"key\":\"" + k + "\",\"label\":\"Season\",\"type\":\"choice\",\"options\":[\"Spring\",\"Autumn\"]}");
        String spring = upload(k + " a");
        String autumn = upload(k + " b");
        admin().json("PATCH", "/api/v1/assets/" + spring + "/fields", set(k, "Spring"));
        admin().json("PATCH", "/api/v1/assets/" + autumn + "/fields", set(k, "Autumn"));

        JsonNode result = Poll.until(() -> search(k + ":spring"), r -> r.get("total").asLong() == 1, Duration.ofSeconds(10));
        assertThat(result.get("items").get(0).get("id").asString()).isEqualTo(spring);
        // each asset's values reach the index on their own, after their change commits: spring's says nothing of autumn's
        JsonNode facets = Poll.until(() -> search(k).get("facets"), f -> facet(f, k).size() == 2, Duration.ofSeconds(10));
        assertThat(facet(facets, k)).containsExactlyInAnyOrder("Spring=1", "Autumn=1");
        var chosen = admin().get("/api/v1/search?q=" + k + "&" + k + "=Autumn").json();
        assertThat(chosen.get("total").asLong()).isEqualTo(1);
        assertThat(admin().get("/api/v1/search?q=" + k + ":x&nosuch=1").status()).isEqualTo(200);
        assertThat(admin().get("/api/v1/search?q=nosuchfield_" + k + ":x").status()).isEqualTo(400);
    }

    @Test
    void aCollectionFillsEmptyFieldsOfWhatIsPutIntoItAndTheNearestDefaultWins() {
        String k = UniqueWords.next();
        define("{\"key\":\"" + k + "_channel\",\"label\":\"Channel\",\"type\":\"choice\",\"options\":[\"Web\",\"Print\",\"Radio\"]}");
        define("{\"key\":\"" + k + "_season\",\"label\":\"Season\",\"type\":\"text\"}");
        String folder = admin().json("POST", "/api/v1/collections", "{\"name\":\"Brand " + k + "\",\"kind\":\"folder\"}").json().get("id").asString();
        String inner = admin().json("POST", "/api/v1/collections", "{\"name\":\"Radio ads\",\"parentId\":\"" + folder + "\"}").json().get("id").asString();
        var setFolder = admin().json("PUT", "/api/v1/collections/" + folder + "/field-defaults",
                "{\"" + k + "_channel\":[\"web\"],\"" + k + "_season\":[\"Autumn\"]}");
        assertThat(setFolder.status()).as(setFolder.text()).isEqualTo(200);
        admin().json("PUT", "/api/v1/collections/" + inner + "/field-defaults", "{\"" + k + "_channel\":[\"Radio\"]}");
        String empty = upload(k + " empty");
        String filled = upload(k + " filled");
        admin().json("PATCH", "/api/v1/assets/" + filled + "/fields", set(k + "_channel", "Print"));

        admin().json("POST", "/api/v1/collections/" + inner + "/assets", "{\"assetIds\":[\"" + empty + "\",\"" + filled + "\"]}");

        JsonNode got = Poll.until(() -> admin().get("/api/v1/assets/" + empty + "/fields").json(), f -> !values(f, k + "_season").isEmpty(),
                Duration.ofSeconds(10));
        assertThat(values(got, k + "_channel")).as("the nearest collection's default").containsExactly("Radio");
        assertThat(values(got, k + "_season")).as("the folder's default").containsExactly("Autumn");
        JsonNode kept = Poll.until(() -> admin().get("/api/v1/assets/" + filled + "/fields").json(), f -> !values(f, k + "_season").isEmpty(),
                Duration.ofSeconds(10));
        assertThat(values(kept, k + "_channel")).as("a value already there stays").containsExactly("Print");
        assertThat(admin().get("/api/v1/collections/" + folder + "/field-defaults").json().toString()).contains("Web");
        var unknown = admin().json("PUT", "/api/v1/collections/" + folder + "/field-defaults", "{\"nope_" + k + "\":[\"x\"]}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(as("contrib-" + k, Role.CONTRIBUTOR).json("PUT", "/api/v1/collections/" + folder + "/field-defaults", "{}").status())
                .isEqualTo(403);
    }

    private void define(String json) {
        var response = admin().json("POST", "/api/v1/fields", json);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
    }

    private String upload(String title) {
        byte[] bytes = (title + " " + System.nanoTime()).getBytes();
        return admin().upload("/api/v1/assets", Multipart.file("f.txt", null, bytes).field("title", title)).json().get("id").asString();
    }

    static String set(String field, String... values) {
        return "[{\"field\":\"" + field + "\",\"operation\":\"set\",\"values\":[" + String.join(",", java.util.Arrays.stream(values)
                .map(v -> "\"" + v + "\"").toList()) + "]}]";
    }

    JsonNode search(String query) {
        return admin().get("/api/v1/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)).json();
    }

    static List<String> values(JsonNode fields, String key) {
        List<String> values = new ArrayList<>();
        JsonNode node = fields.get("values").get(key);
        if (node != null) {
            node.forEach(v -> values.add(v.asString()));
        }
        return values;
    }

    private static List<String> keys(JsonNode fields) {
        List<String> keys = new ArrayList<>();
        fields.get("fields").forEach(f -> keys.add(f.get("field").get("key").asString()));
        return keys;
    }

    private static List<String> errorFields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    static List<String> facet(JsonNode facets, String name) {
        List<String> values = new ArrayList<>();
        facets.forEach(f -> {
            if (f.get("name").asString().equals(name)) {
                f.get("values").forEach(v -> values.add(v.get("value").asString() + "=" + v.get("count").asLong()));
            }
        });
        return values;
    }
}
