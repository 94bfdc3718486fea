package dev.atelier.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.identity.Role;
import dev.atelier.shared.Ids;
import dev.atelier.testsupport.Api;
import dev.atelier.testsupport.IntegrationTest;
import dev.atelier.testsupport.Multipart;
import dev.atelier.testsupport.Poll;
import dev.atelier.testsupport.UniqueWords;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Bulk edits as background jobs: ten thousand assets, a whole search result, and refusals before anything starts. */
class BulkEditTests extends IntegrationTest {

    private static final int MANY = 10_000;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void editsTenThousandAssetsAndReportsTheOneItMayNotSee() {
        String k = UniqueWords.next();
        define(k);
        Api contributor = as("bulk-" + k, Role.CONTRIBUTOR);
        UUID admin = users.findByUsername("admin").orElseThrow().id().value();
        List<UUID> ids = insertAssets(MANY, admin, false);
        UUID hidden = insertAssets(1, admin, true).getFirst();
        List<String> selection = new ArrayList<>(ids.stream().map(UUID::toString).toList());
        selection.add(hidden.toString());

        long started = System.nanoTime();
        var accepted = contributor.json("POST", "/api/v1/bulk-edits", "{\"assetIds\":[\"" + String.join("\",\"", selection) + "\"],"
                + "\"changes\":[{\"field\":\"" + k + "\",\"operation\":\"add\",\"values\":[\"Web\"]}]}");
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        JsonNode done = Poll.until(() -> contributor.get(accepted.header("Location")).json(),
                j -> !j.get("status").asString().matches("queued|running"), Duration.ofMinutes(5));
        System.out.printf("bulk edit of %d assets took %d ms%n", MANY, (System.nanoTime() - started) / 1_000_000);

        assertThat(done.get("status").asString()).isEqualTo("done");
        assertThat(done.get("total").asInt()).isEqualTo(MANY + 1);
        assertThat(done.get("done").asInt()).isEqualTo(MANY + 1);
        assertThat(done.get("changed").asInt()).isEqualTo(MANY);
        assertThat(done.get("failed").asInt()).isEqualTo(1);
        assertThat(done.get("failures").get(0).get("assetId").asString()).isEqualTo(hidden.toString());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM asset_field_values WHERE field_key = ? AND field_value = 'Web'", Long.class, k))
                .isEqualTo(MANY);
        assertThat(FieldTests.values(admin().get("/api/v1/assets/" + ids.get(MANY / 2) + "/fields").json(), k)).containsExactly("Web");
        assertThat(admin().get(accepted.header("Location")).status()).as("admins may follow it too").isEqualTo(200);
        assertThat(as("other-" + k, Role.CONTRIBUTOR).get(accepted.header("Location")).status()).isEqualTo(404);
        // the index follows 10,000 edits one event at a time: done here, later tests of the shared application search an index that kept up
        Poll.until(() -> admin().get("/api/v1/search?q=" + k + ":web&limit=1").json(), r -> r.get("total").asLong() == MANY, Duration.ofMinutes(15));
    }

    @Test
    void editsEveryResultOfASearchAndSearchFindsThemByTheNewValue() {
        String k = UniqueWords.next();
        define(k);
        for (int i = 0; i < 3; i++) {
            upload(k + " " + i);
        }
        String other = upload(UniqueWords.next());
        Poll.until(() -> admin().get("/api/v1/search?q=" + k).json(), r -> r.get("total").asLong() == 3, Duration.ofSeconds(10));

        var accepted = admin().json("POST", "/api/v1/bulk-edits", "{\"query\":\"" + k + "\",\"changes\":[{\"field\":\"" + k
                + "\",\"operation\":\"set\",\"values\":[\"Print\"]}]}");
        JsonNode done = Poll.until(() -> admin().get(accepted.header("Location")).json(),
                j -> j.get("status").asString().equals("done"), Duration.ofSeconds(30));

        assertThat(done.get("changed").asInt()).isEqualTo(3);
        JsonNode found = Poll.until(() -> admin().get("/api/v1/search?q=" + k + ":print").json(), r -> r.get("total").asLong() == 3,
                Duration.ofSeconds(10));
        assertThat(found.toString()).doesNotContain(other);
    }

    @Test
    void refusesAnUnknownFieldOrAnInvalidValueBeforeStarting() {
        String k = UniqueWords.next();
        define(k);
        var unknown = admin().json("POST", "/api/v1/bulk-edits", "{\"query\":\"x\",\"changes\":[{\"field\":\"nope_" + k + "\",\"operation\":\"add\",\"values\":[\"a\"]}]}");
        var invalid = admin().json("POST", "/api/v1/bulk-edits", "{\"query\":\"x\",\"changes\":[{\"field\":\"" + k + "\",\"operation\":\"add\",\"values\":[\"Radio\"]}]}");
        var none = admin().json("POST", "/api/v1/bulk-edits", "{\"query\":\"x\",\"changes\":[]}");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("nope_" + k);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("detail").asString()).contains("'Radio' is not one of the options");
        assertThat(none.status()).isEqualTo(400);
        assertThat(as("viewer-" + k, Role.VIEWER).json("POST", "/api/v1/bulk-edits", "{\"query\":\"x\",\"changes\":[{\"field\":\"" + k
                + "\",\"operation\":\"add\",\"values\":[\"Web\"]}]}").status()).isEqualTo(403);
    }

    private void define(String key) {
        var response = admin().json("POST", "/api/v1/fields", "{\"key\":\"" + key + "\",\"label\":\"Channels " + key + "\",\"type\":\"multi-choice\","
                + "\"options\":[\"Web\",\"Print\"]}");
        assertThat(response.status()).as(response.text()).isEqualTo(201);
    }

    /** Assets straight into the database, dated in the past so they stay off the library's first page. */
    private List<UUID> insertAssets(int count, UUID owner, boolean confidential) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(Ids.uuidV7());
        }
        Timestamp at = Timestamp.from(Instant.parse("2020-01-01T00:00:00Z"));
        jdbc.batchUpdate("INSERT INTO assets (id, title, description, owner_id, status, current_version, revision, created_at, updated_at, confidential) "
                + "VALUES (?, ?, '', ?, 'ACTIVE', 1, 1, ?, ?, ?)", ids, 1000, (ps, id) -> {
                    ps.setObject(1, id);
                    ps.setString(2, "bulk " + id);
                    ps.setObject(3, owner);
                    ps.setTimestamp(4, at);
                    ps.setTimestamp(5, at);
                    ps.setBoolean(6, confidential);
                });
        jdbc.batchUpdate("INSERT INTO asset_versions (asset_id, number, blob_key, size, media_type, original_filename, uploaded_by, uploaded_at) "
                + "VALUES (?, 1, ?, 1, 'text/plain', 'bulk.txt', ?, ?)", ids, 1000, (ps, id) -> {
                    ps.setObject(1, id);
                    ps.setString(2, "0".repeat(64));
                    ps.setObject(3, owner);
                    ps.setTimestamp(4, at);
                });
        return ids;
    }

    private String upload(String title) {
        byte[] bytes = (title + " " + System.nanoTime()).getBytes();
        return admin().upload("/api/v1/assets", Multipart.file("f.txt", null, bytes).field("title", title)).json().get("id").asString();
    }
}
