package dev.atelier.asset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.testsupport.Api;
import dev.atelier.testsupport.IntegrationTest;
import dev.atelier.testsupport.Multipart;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AssetApiTests extends IntegrationTest {

    @Test
    void servesEveryVersionByteForByte() {
        byte[] v1 = random(50_000, 1);
        byte[] v2 = random(60_000, 2);
        String id = upload("brief v1.bin", v1);
        admin().upload("/api/v1/assets/" + id + "/versions", Multipart.file("brief v2.bin", null, v2));

        var first = admin().get("/api/v1/assets/" + id + "/versions/1/content");
        var current = admin().get("/api/v1/assets/" + id + "/content");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.bytes()).isEqualTo(v1);
        assertThat(first.header("Content-Disposition")).isEqualTo("attachment; filename=\"brief v1.bin\"; filename*=UTF-8''brief%20v1.bin");
        assertThat(current.bytes()).isEqualTo(v2);
        assertThat(current.header("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(current.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(current.header("ETag")).isNotBlank();
    }

    @Test
    void answersASingleRangeWithPartialContent() {
        byte[] bytes = random(10_000, 3);
        String id = upload("range.bin", bytes);

        var partial = admin().get("/api/v1/assets/" + id + "/content", "Range", "bytes=100-199");
        var tail = admin().get("/api/v1/assets/" + id + "/content", "Range", "bytes=-10");

        assertThat(partial.status()).isEqualTo(206);
        assertThat(partial.header("Content-Range")).isEqualTo("bytes 100-199/10000");
        assertThat(partial.bytes()).isEqualTo(Arrays.copyOfRange(bytes, 100, 200));
        assertThat(tail.bytes()).isEqualTo(Arrays.copyOfRange(bytes, 9_990, 10_000));
        assertThat(admin().get("/api/v1/assets/" + id + "/content", "Range", "bytes=20000-").status()).isEqualTo(416);
    }

    @Test
    void answersNotModifiedForAKnownEtag() {
        String id = upload("etag.bin", random(100, 4));
        String etag = admin().get("/api/v1/assets/" + id + "/content").header("ETag");
        assertThat(admin().get("/api/v1/assets/" + id + "/content", "If-None-Match", etag).status()).isEqualTo(304);
    }

    @Test
    void servesActiveTypesAsAttachmentsInASandbox() {
        byte[] svg = "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>".getBytes();
        String id = upload("logo.svg", svg);

        var response = admin().get("/api/v1/assets/" + id + "/content");

        assertThat(response.header("Content-Type")).startsWith("image/svg+xml");
        assertThat(response.header("Content-Disposition")).startsWith("attachment;");
        assertThat(response.header("Content-Security-Policy")).contains("sandbox");
    }

    @Test
    void refusesAnEditBasedOnAStaleEtag() {
        String id = upload("edit.bin", random(10, 5));
        String etag = admin().get("/api/v1/assets/" + id).header("ETag");

        var first = admin().json("PATCH", "/api/v1/assets/" + id, "{\"title\":\"First\"}", "If-Match", etag);
        var stale = admin().json("PATCH", "/api/v1/assets/" + id, "{\"title\":\"Second\"}", "If-Match", etag);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("ETag")).isNotEqualTo(etag);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.json().get("type").asString()).isEqualTo("/problems/stale-write");
        assertThat(admin().get("/api/v1/assets/" + id).json().get("title").asString()).isEqualTo("First");
    }

    @Test
    void editsTitleAndDescription() {
        String id = upload("desc.bin", random(10, 6));
        var edited = admin().json("PATCH", "/api/v1/assets/" + id, "{\"description\":\"For the spring campaign\"}").json();
        assertThat(edited.get("description").asString()).isEqualTo("For the spring campaign");
        assertThat(edited.get("title").asString()).isEqualTo("desc");
        var invalid = admin().json("PATCH", "/api/v1/assets/" + id, "{\"title\":\"   \"}");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("detail").asString()).contains("title");
    }

    @Test
    void movesToTheTrashAndRestores() {
        String id = upload("trash.bin", random(10, 7));

        var trashed = admin().delete("/api/v1/assets/" + id);
        assertThat(trashed.json().get("status").asString()).isEqualTo("trashed");
        assertThat(ids(admin().get("/api/v1/assets?status=trashed&limit=200"))).contains(id);
        assertThat(ids(admin().get("/api/v1/assets?limit=200"))).doesNotContain(id);
        assertThat(admin().upload("/api/v1/assets/" + id + "/versions", Multipart.file("x", null, new byte[1])).status()).isEqualTo(409);
        assertThat(admin().get("/api/v1/assets/" + id + "/content").status()).isEqualTo(200);

        var restored = admin().post("/api/v1/assets/" + id + "/restore");
        assertThat(restored.json().get("status").asString()).isEqualTo("active");
        assertThat(ids(admin().get("/api/v1/assets?limit=200"))).contains(id);
        assertThat(admin().post("/api/v1/assets/" + id + "/restore").status()).isEqualTo(409);
    }

    @Test
    void pagesWithAnOpaqueCursor() {
        for (int i = 0; i < 3; i++) {
            upload("page-" + i + ".bin", random(10, 100 + i));
        }
        var first = admin().get("/api/v1/assets?limit=2").json();
        String next = first.get("next").asString();
        var second = admin().get("/api/v1/assets?limit=2&cursor=" + next).json();

        assertThat(first.get("items")).hasSize(2);
        assertThat(second.get("items").size()).isPositive();
        assertThat(first.get("items").get(1).get("createdAt").asString())
                .isGreaterThanOrEqualTo(second.get("items").get(0).get("createdAt").asString());
        assertThat(admin().get("/api/v1/assets?cursor=garbage").status()).isEqualTo(400);
    }

    @Test
    void answersNotFoundAsAProblem() {
        var missing = admin().get("/api/v1/assets/01900000-0000-7000-8000-000000000000");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("type").asString()).isEqualTo("/problems/not-found");
        assertThat(admin().get("/api/v1/assets/not-a-uuid").status()).isEqualTo(400);
    }

    private String upload(String name, byte[] bytes) {
        return admin().upload("/api/v1/assets", Multipart.file(name, null, bytes)).json().get("id").asString();
    }

    private static java.util.List<String> ids(Api.Response response) {
        var list = new java.util.ArrayList<String>();
        response.json().get("items").forEach(n -> list.add(n.get("id").asString()));
        return list;
    }

    static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
