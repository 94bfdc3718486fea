package dev.atelier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.testsupport.Api;
import dev.atelier.testsupport.EmbeddedPostgresSupport;
import dev.atelier.testsupport.Multipart;
import dev.atelier.testsupport.TestImages;
import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on PostgreSQL, configured by properties alone: migrations, events, uploads,
 * renditions, search. This second application also runs the non-default duplicate policy, block.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "atelier.identity.admin-password=pg-admin-secret", "server.address=127.0.0.1", "atelier.ingest.duplicates=block"})
// closed before the JVM exits, while PostgreSQL still runs: its shutdown hook and Spring's would race
@DirtiesContext
class PostgresApplicationTests {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws Exception {
        Path home = Files.createTempDirectory("atelier-pg-");
        registry.add("atelier.home", home::toString);
        EmbeddedPostgresSupport.register(registry);
    }

    @Test
    void runsTheAssetLifecycleOnPostgres() throws Exception {
        Api admin = Api.basic(port, "admin", "pg-admin-secret");
        byte[] image = TestImages.png(900, 600, Color.MAGENTA);

        var created = admin.upload("/api/v1/assets", Multipart.file("pg.png", null, image));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(admin.upload("/api/v1/assets/" + id + "/versions", Multipart.file("pg2.png", null, image)).status()).isEqualTo(201);

        String etag = admin.get("/api/v1/assets/" + id).header("ETag");
        assertThat(admin.json("PATCH", "/api/v1/assets/" + id, "{\"title\":\"On PostgreSQL\"}", "If-Match", etag).status()).isEqualTo(200);
        assertThat(admin.json("PATCH", "/api/v1/assets/" + id, "{\"title\":\"Stale\"}", "If-Match", etag).status()).isEqualTo(412);
        assertThat(admin.get("/api/v1/assets?limit=1").json().get("items").get(0).get("title").asString()).isEqualTo("On PostgreSQL");
        assertThat(admin.delete("/api/v1/assets/" + id).status()).isEqualTo(200);
        assertThat(admin.post("/api/v1/assets/" + id + "/restore").status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/assets/" + id + "/versions/1/content").bytes()).isEqualTo(image);

        long deadline = System.nanoTime() + 30_000_000_000L;
        Api.Response thumbnail;
        do {
            Thread.sleep(100);
            thumbnail = admin.get("/api/v1/assets/" + id + "/renditions/thumbnail");
        } while (thumbnail.status() != 200 && System.nanoTime() < deadline);
        assertThat(thumbnail.status()).isEqualTo(200);
        assertThat(admin.get("/api/v1/assets/" + id + "/history").json()).hasSize(5);
        assertThat(admin.get("/api/v1/audit/verify").json().get("intact").asBoolean()).isTrue();
        var found = dev.atelier.testsupport.Poll.until(() -> admin.get("/api/v1/search?q=postgresql").json(),
                r -> r.get("total").asLong() == 1, java.time.Duration.ofSeconds(10));
        assertThat(found.get("items").get(0).get("id").asString()).isEqualTo(id);
    }

    @Test
    void blocksAnUploadOfAFileTheLibraryAlreadyHoldsAndKeepsNothing() {
        Api admin = Api.basic(port, "admin", "pg-admin-secret");
        byte[] image = TestImages.png(300, 200, Color.CYAN);
        String id = admin.upload("/api/v1/assets", Multipart.file("first.png", null, image)).json().get("id").asString();
        long before = admin.get("/api/v1/assets?limit=200").json().get("items").size();

        var again = admin.upload("/api/v1/assets", Multipart.file("again.png", null, image));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).isEqualTo("/problems/duplicate-content");
        assertThat(again.json().get("detail").asString()).contains("\"first\"", "/assets/" + id);
        assertThat(again.json().get("existing").get(0).get("id").asString()).isEqualTo(id);
        assertThat(admin.get("/api/v1/assets?limit=200").json().get("items").size()).isEqualTo(before);
        assertThat(admin.upload("/api/v1/assets/" + id + "/versions", Multipart.file("same.png", null, image)).status()).isEqualTo(201);
    }
}
