package dev.atelier.ingest;

import static dev.atelier.testsupport.Digests.sha256;
import static dev.atelier.testsupport.Digests.sha256Hex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.testsupport.Api;
import dev.atelier.testsupport.IntegrationTest;
import dev.atelier.testsupport.Multipart;
import dev.atelier.testsupport.TestImages;
import java.awt.Color;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class UploadApiTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void createsAnAssetAndAnswersWithItsReceipt() throws Exception {
        byte[] png = TestImages.png(64, 48, Color.BLUE);

        // the declared type is a lie; the stored type comes from the content
        var response = admin().upload("/api/v1/assets", Multipart.file("Blue Square.png", "application/pdf", png).field("title", "Blue"));

        assertThat(response.status()).isEqualTo(201);
        var body = response.json();
        assertThat(response.header("Location")).isEqualTo("/api/v1/assets/" + body.get("id").asString());
        assertThat(body.get("version").asInt()).isEqualTo(1);
        assertThat(body.get("sha256").asString()).isEqualTo(sha256Hex(png));
        assertThat(body.get("size").asLong()).isEqualTo(png.length);
        assertThat(body.get("mediaType").asString()).isEqualTo("image/png");
        assertThat(body.get("title").asString()).isEqualTo("Blue");
        assertThat(blobPath(sha256Hex(png))).exists().hasBinaryContent(png);
    }

    @Test
    void warnsOfAnUploadTheLibraryAlreadyHoldsAndNamesWhere() {
        byte[] bytes = ("same content " + System.nanoTime()).getBytes();
        String first = admin().upload("/api/v1/assets", Multipart.file("original.txt", null, bytes).field("title", "Original"))
                .json().get("id").asString();

        var again = admin().upload("/api/v1/assets", Multipart.file("copy.txt", null, bytes));

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("id").asString()).isNotEqualTo(first);
        assertThat(again.json().get("duplicateOf").get(0).get("id").asString()).isEqualTo(first);
        assertThat(again.json().get("duplicateOf").get(0).get("href").asString()).isEqualTo("/assets/" + first);
        assertThat(admin().upload("/api/v1/assets", Multipart.file("new.txt", null, ("other " + System.nanoTime()).getBytes()))
                .json().get("duplicateOf")).isEmpty();
    }

    @Test
    void titlesAnUntitledUploadAfterItsFileName() {
        var body = admin().upload("/api/v1/assets", Multipart.file("summer-campaign.txt", "text/plain", "copy".getBytes())).json();
        assertThat(body.get("title").asString()).isEqualTo("summer-campaign");
        assertThat(body.get("mediaType").asString()).isEqualTo("text/plain");
    }

    @Test
    void rejectsUploadWhoseReprDigestDiffersAndKeepsNothing() throws Exception {
        byte[] content = random(200_000, 11);
        byte[] other = random(10, 12);
        long assetsBefore = assetCount();

        var response = admin().upload("/api/v1/assets", Multipart.file("x.bin", null, content),
                "Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(sha256(other)) + ":");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("/problems/digest-mismatch");
        assertThat(assetCount()).isEqualTo(assetsBefore);
        assertThat(blobPath(sha256Hex(content))).doesNotExist();
        assertThat(stagingFiles()).isZero();
    }

    @Test
    void rejectsUploadWhoseFormDigestDiffersAndKeepsNothing() throws Exception {
        byte[] content = random(5_000, 13);
        long assetsBefore = assetCount();

        var response = admin().upload("/api/v1/assets", Multipart.file("x.bin", null, content).field("sha256", "ab".repeat(32)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("type").asString()).isEqualTo("/problems/digest-mismatch");
        assertThat(assetCount()).isEqualTo(assetsBefore);
        assertThat(blobPath(sha256Hex(content))).doesNotExist();
    }

    @Test
    void acceptsUploadWhoseDigestMatches() throws Exception {
        byte[] content = random(70_000, 14);
        var response = admin().upload("/api/v1/assets", Multipart.file("ok.bin", null, content),
                "Repr-Digest", "sha-512=:AAAA:, sha-256=:" + Base64.getEncoder().encodeToString(sha256(content)) + ":");
        assertThat(response.status()).isEqualTo(201);

        // the digest field may also come after the file
        byte[] second = random(1_000, 15);
        var viaField = admin().upload("/api/v1/assets", Multipart.file("ok2.bin", null, second).field("sha256", sha256Hex(second)));
        assertThat(viaField.status()).isEqualTo(201);
    }

    @Test
    void refusesUploadOverTheSizeLimitAndKeepsNothing() throws Exception {
        byte[] content = random(16 * 1024 * 1024 + 1, 16);
        long assetsBefore = assetCount();

        var response = admin().upload("/api/v1/assets", Multipart.file("big.bin", null, content));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("type").asString()).isEqualTo("/problems/upload-too-large");
        assertThat(assetCount()).isEqualTo(assetsBefore);
        assertThat(blobPath(sha256Hex(content))).doesNotExist();
        assertThat(stagingFiles()).isZero();
    }

    @Test
    void neutralisesHostileFileNames() {
        byte[] content = "not really an exe".getBytes();
        var body = admin().upload("/api/v1/assets", Multipart.file("../../../etc/invoice\u202Egpj.exe\u0007", null, content)).json();
        String id = body.get("id").asString();

        assertThat(body.get("filename").asString()).isEqualTo("invoicegpj.exe");
        var download = admin().get("/api/v1/assets/" + id + "/content");
        assertThat(download.header("Content-Disposition")).startsWith("attachment;").contains("invoicegpj.exe")
                .doesNotContain("..").doesNotContain("\u202E");
        assertThat(HOME.getParent().resolve("etc")).doesNotExist();
    }

    @Test
    void explainsARequestWithoutAFilePart() {
        var response = admin().upload("/api/v1/assets", new Multipart().field("title", "nothing"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("'file'");
    }

    @Test
    void addsAVersionToAnExistingAsset() throws Exception {
        byte[] v1 = random(1_000, 17);
        byte[] v2 = random(2_000, 18);
        String id = admin().upload("/api/v1/assets", Multipart.file("a.bin", null, v1)).json().get("id").asString();

        var response = admin().upload("/api/v1/assets/" + id + "/versions", Multipart.file("a-v2.bin", null, v2));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("version").asInt()).isEqualTo(2);
        assertThat(response.json().get("sha256").asString()).isEqualTo(sha256Hex(v2));
    }

    @Test
    void numbersConcurrentVersionsOfOneAssetWithoutGapsOrLoss() throws Exception {
        String id = admin().upload("/api/v1/assets", Multipart.file("busy.bin", null, random(100, 19))).json().get("id").asString();
        int uploads = 6;
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(uploads)) {
            var results = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < uploads; i++) {
                byte[] content = random(50_000, 100 + i);
                results.add(pool.submit(() -> admin().upload("/api/v1/assets/" + id + "/versions",
                        Multipart.file("busy.bin", null, content)).status()));
            }
            for (var result : results) {
                assertThat(result.get()).isEqualTo(201);
            }
        }
        var versions = admin().get("/api/v1/assets/" + id).json().get("versions");
        assertThat(versions).hasSize(uploads + 1);
        for (int n = 0; n <= uploads; n++) {
            assertThat(versions.get(n).get("number").asInt()).isEqualTo(n + 1);
        }
    }

    private long assetCount() {
        return jdbc.sql("SELECT COUNT(*) FROM assets").query(Long.class).single();
    }

    static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }


    Api anonymous() {
        return Api.anonymous(port);
    }
}
