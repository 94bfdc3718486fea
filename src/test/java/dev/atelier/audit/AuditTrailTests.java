package dev.atelier.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.identity.Role;
import dev.atelier.testsupport.Api;
import dev.atelier.testsupport.IntegrationTest;
import dev.atelier.testsupport.Multipart;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class AuditTrailTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void recordsEveryChangeWithItsActor() {
        Api carla = as("carla-audit", Role.CONTRIBUTOR);
        String carlaId = carla.get("/api/v1/users/me").json().get("id").asString();
        String id = carla.upload("/api/v1/assets", Multipart.file("audited.txt", null, "v1".getBytes())).json().get("id").asString();
        carla.upload("/api/v1/assets/" + id + "/versions", Multipart.file("audited.txt", null, "v2".getBytes()));
        carla.json("PATCH", "/api/v1/assets/" + id, "{\"title\":\"Audited\"}");
        carla.delete("/api/v1/assets/" + id);
        carla.post("/api/v1/assets/" + id + "/restore");

        JsonNode history = carla.get("/api/v1/assets/" + id + "/history").json();

        assertThat(actions(history)).containsExactly("asset.created", "asset.version-added", "asset.edited", "asset.trashed",
                "asset.restored");
        history.forEach(r -> assertThat(r.get("actorId").asString()).isEqualTo(carlaId));
        assertThat(history.get(0).get("details").asString()).contains("sha256=").contains("file=audited.txt");
    }

    @Test
    void aRefusedChangeLeavesNoRecord() {
        Api viewer = as("vic-viewer", Role.VIEWER);
        String id = admin().upload("/api/v1/assets", Multipart.file("refused.txt", null, "x".getBytes())).json().get("id").asString();
        long before = records();

        assertThat(admin().json("PATCH", "/api/v1/assets/" + id, "{\"title\":\"x\"}", "If-Match", "\"r99\"").status()).isEqualTo(412);
        assertThat(viewer.delete("/api/v1/assets/" + id).status()).isEqualTo(403);

        assertThat(records()).isEqualTo(before);
    }

    @Test
    void recordsAccountsAndTokens() {
        admin().json("POST", "/api/v1/users", "{\"username\":\"audited-user\",\"password\":\"long-enough-1\",\"role\":\"viewer\"}");
        String token = admin().json("POST", "/api/v1/tokens", "{\"name\":\"audited token\"}").json().get("id").asString();
        admin().delete("/api/v1/tokens/" + token);

        List<String> recent = actions(admin().get("/api/v1/audit?limit=20").json().get("items"));

        assertThat(recent).contains("user.created", "token.issued", "token.revoked");
    }

    @Test
    void detectsATamperedRecord() {
        admin().upload("/api/v1/assets", Multipart.file("chain.txt", null, "c".getBytes()));
        JsonNode intact = admin().get("/api/v1/audit/verify").json();
        assertThat(intact.get("intact").asBoolean()).isTrue();
        assertThat(intact.get("checked").asLong()).isPositive();

        long victim = jdbc.sql("SELECT MIN(seq) FROM audit_log WHERE action = 'asset.created'").query(Long.class).single();
        String original = jdbc.sql("SELECT details FROM audit_log WHERE seq = ?").param(victim).query(String.class).single();
        try {
            jdbc.sql("UPDATE audit_log SET details = 'forged' WHERE seq = ?").param(victim).update();
            JsonNode broken = admin().get("/api/v1/audit/verify").json();
            assertThat(broken.get("intact").asBoolean()).isFalse();
            assertThat(broken.get("firstBrokenSeq").asLong()).isEqualTo(victim);
        } finally {
            jdbc.sql("UPDATE audit_log SET details = ? WHERE seq = ?").params(original, victim).update();
        }
        assertThat(admin().get("/api/v1/audit/verify").json().get("intact").asBoolean()).isTrue();
    }

    @Test
    void onlyAdminsReadTheWholeTrail() {
        assertThat(as("carla-audit", Role.CONTRIBUTOR).get("/api/v1/audit").status()).isEqualTo(403);
        assertThat(as("carla-audit", Role.CONTRIBUTOR).get("/api/v1/audit/verify").status()).isEqualTo(403);
    }

    private long records() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log").query(Long.class).single();
    }

    private static List<String> actions(JsonNode records) {
        List<String> actions = new ArrayList<>();
        records.forEach(r -> actions.add(r.get("action").asString()));
        return actions;
    }
}
