package dev.atelier.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.identity.Role;
import dev.atelier.testsupport.AwaitRenditions;
import dev.atelier.testsupport.IntegrationTest;
import dev.atelier.testsupport.Multipart;
import dev.atelier.testsupport.TestImages;
import java.awt.Color;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Naming conventions. Rules are global, so each test removes its own when done (test classes run
 * one after another); they apply to GIFs only, which no other test uploads while they exist.
 */
class NamingTests extends IntegrationTest {

    String rule;

    @AfterEach
    void removeRule() {
        if (rule != null) {
            admin().delete("/api/v1/naming-rules/" + rule);
        }
    }

    @Test
    void rejectsANameThatBreaksARejectingRuleAndKeepsNothing() {
        rule = create("{\"name\":\"Social images\",\"template\":\"{brief}_{channel}_{width}x{height}_v{version}.{ext}\","
                + "\"appliesTo\":\"image/gif\",\"mode\":\"reject\"}");
        byte[] gif = TestImages.encode(TestImages.image(30, 20, Color.RED, java.awt.image.BufferedImage.TYPE_INT_RGB), "gif");
        // the newest asset before: the shared application may hold more assets than one page
        String newestBefore = admin().get("/api/v1/assets?limit=1").json().get("items").get(0).get("id").asString();

        var wrong = admin().upload("/api/v1/assets", Multipart.file("IMG_0042.gif", null, gif));
        var right = admin().upload("/api/v1/assets", Multipart.file("spring26_social_30x20_v1.gif", null, gif));
        var otherType = admin().upload("/api/v1/assets", Multipart.file("IMG_0042.png", null, TestImages.png(4, 4, Color.RED)));

        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("type").asString()).isEqualTo("/problems/naming-convention");
        assertThat(wrong.json().get("detail").asString())
                .isEqualTo("'IMG_0042.gif' does not follow Social images: {brief}_{channel}_{width}x{height}_v{version}.{ext} "
                        + "(for example spring26_social_1080x1080_v1.jpg). Rename the file and upload it again.");
        assertThat(right.status()).isEqualTo(201);
        assertThat(otherType.status()).isEqualTo(201);
        var newest = admin().get("/api/v1/assets?limit=3").json().get("items");
        assertThat(List.of(newest.get(0).get("id").asString(), newest.get(1).get("id").asString(), newest.get(2).get("id").asString()))
                .as("exactly the two accepted uploads are new").containsExactly(otherType.json().get("id").asString(),
                        right.json().get("id").asString(), newestBefore);
    }

    @Test
    void warnsAndNamesDownloadsByTheRuleFromTheAssetsFacts() {
        rule = create("{\"name\":\"GIF names\",\"template\":\"{title}_{width}x{height}_v{version}.{ext}\",\"appliesTo\":\"image/gif\"}");
        byte[] gif = TestImages.encode(TestImages.image(40, 30, Color.BLUE, java.awt.image.BufferedImage.TYPE_INT_RGB), "gif");

        var upload = admin().upload("/api/v1/assets", Multipart.file("scan.gif", null, gif).field("title", "Spring Hero Ünï"));

        assertThat(upload.status()).isEqualTo(201);
        assertThat(upload.json().get("namingWarnings").get(0).asString()).startsWith("The file name does not follow GIF names");
        String id = upload.json().get("id").asString();
        AwaitRenditions.settled(admin(), id);
        var named = admin().get("/api/v1/assets/" + id + "/named-content");
        assertThat(named.header("Content-Disposition")).contains("spring-hero-uni_40x30_v1.gif");
        assertThat(named.bytes()).isEqualTo(gif);
    }

    @Test
    void onlyAdminsMakeRulesAndTemplatesAreChecked() {
        assertThat(as("manager-naming", Role.MANAGER).json("POST", "/api/v1/naming-rules", "{\"name\":\"x\",\"template\":\"{title}.{ext}\"}")
                .status()).isEqualTo(403);
        var unknown = admin().json("POST", "/api/v1/naming-rules", "{\"name\":\"x\",\"template\":\"{client}_{title}.{ext}\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asString()).contains("unknown token {client}");
        assertThat(admin().json("POST", "/api/v1/naming-rules", "{\"name\":\"x\",\"template\":\"{title\"}").status()).isEqualTo(400);
    }

    private String create(String json) {
        var response = admin().json("POST", "/api/v1/naming-rules", json);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json().get("id").asString();
    }
}
