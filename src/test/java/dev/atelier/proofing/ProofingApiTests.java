package dev.atelier.proofing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.identity.Role;
import dev.atelier.testsupport.Api;
import dev.atelier.testsupport.IntegrationTest;
import dev.atelier.testsupport.Multipart;
import dev.atelier.testsupport.TestImages;
import java.awt.Color;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** Annotating over HTTP: who may, what is refused, threads, mentions, resolve and reopen. */
class ProofingApiTests extends IntegrationTest {

    static final String RECT = "{\"type\":\"image\",\"region\":{\"shape\":\"rect\",\"x\":0.1,\"y\":0.2,\"w\":0.3,\"h\":0.4}}";

    @Test
    void reviewersAnnotateReplyResolveAndReopenWhileViewersRead() {
        Api rita = as("rita-reviewer", Role.REVIEWER);
        Api vic = as("vic-viewer", Role.VIEWER);
        String asset = upload(admin());
        String path = "/api/v1/assets/" + asset + "/versions/1/annotations";

        var added = rita.json("POST", path, annotation(RECT, "The logo is too small\nmake it 20% larger"));
        assertThat(added.status()).isEqualTo(201);
        String id = added.json().get("id").asString();
        assertThat(added.header("Location")).isEqualTo("/api/v1/annotations/" + id);
        assertThat(added.json().get("number").asInt()).isEqualTo(1);
        assertThat(added.json().get("mark").get("region").get("w").asDouble()).isEqualTo(0.3);
        assertThat(added.json().get("author").asString()).isEqualTo("rita-reviewer");

        assertThat(vic.json("POST", path, annotation(RECT, "me too")).status()).isEqualTo(403);
        assertThat(vic.json("POST", "/api/v1/annotations/" + id + "/replies", "{\"body\":\"hi\"}").status()).isEqualTo(403);
        assertThat(vic.get(path).json().get(0).get("thread").get(0).get("body").asString()).startsWith("The logo is too small");

        assertThat(admin().json("POST", "/api/v1/annotations/" + id + "/replies", "{\"body\":\"Done in v2\"}").status()).isEqualTo(201);
        var resolved = rita.post("/api/v1/annotations/" + id + "/resolve");
        assertThat(resolved.json().get("status").asString()).isEqualTo("resolved");
        assertThat(resolved.json().get("resolved").get("by").asString()).isEqualTo("rita-reviewer");
        assertThat(rita.post("/api/v1/annotations/" + id + "/resolve").status()).isEqualTo(409);
        assertThat(vic.post("/api/v1/annotations/" + id + "/reopen").status()).isEqualTo(403);

        var reopened = admin().post("/api/v1/annotations/" + id + "/reopen").json();
        assertThat(reopened.get("status").asString()).isEqualTo("open");
        assertThat(reopened.get("resolved")).isNull();
        assertThat(reopened.get("reopened").get("by").asString()).isEqualTo("admin");
        assertThat(reopened.get("thread")).hasSize(2);
        assertThat(rita.json("POST", path, annotation(RECT, "second")).json().get("number").asInt()).isEqualTo(2);
    }

    @Test
    void theOwnerMayAnnotateTheirOwnAssetButOtherContributorsMayNot() {
        Api cora = as("cora-contributor", Role.CONTRIBUTOR);
        Api carl = as("carl-contributor", Role.CONTRIBUTOR);
        String asset = upload(cora);
        String path = "/api/v1/assets/" + asset + "/versions/1/annotations";

        assertThat(cora.json("POST", path, annotation(RECT, "note to self")).status()).isEqualTo(201);
        assertThat(carl.json("POST", path, annotation(RECT, "not mine")).status()).isEqualTo(403);
    }

    @Test
    void resolvesMentionsToUsersAndLeavesUnknownNamesAsText() {
        as("mia-mentioned", Role.VIEWER);
        String asset = upload(admin());
        var added = admin().json("POST", "/api/v1/assets/" + asset + "/versions/1/annotations",
                annotation(RECT, "@mia-mentioned please look; @nobody-here too, mail x@mia-mentioned.com")).json();

        assertThat(added.get("thread").get(0).get("mentions").valueStream().map(n -> n.asString())).containsExactly("mia-mentioned");
        assertThat(added.get("thread").get(0).get("body").asString()).contains("@nobody-here");
    }

    @Test
    void attachesLibraryAssetsTheAuthorMaySee() {
        String asset = upload(admin());
        String reference = upload(admin());
        String path = "/api/v1/assets/" + asset + "/versions/1/annotations";

        var added = admin().json("POST", path, "{\"mark\":" + RECT + ",\"body\":\"like this\",\"attachments\":[\"" + reference + "\"]}");
        var unknown = admin().json("POST", path, "{\"mark\":" + RECT + ",\"body\":\"x\",\"attachments\":[\"" + java.util.UUID.randomUUID() + "\"]}");

        assertThat(added.json().get("thread").get(0).get("attachments").get(0).asString()).isEqualTo(reference);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(admin().get(path).json()).hasSize(1);
    }

    @Test
    void refusesMarksOutOfRangeOrOfTheWrongKindWithProblems() {
        String asset = upload(admin());
        String path = "/api/v1/assets/" + asset + "/versions/1/annotations";

        var outside = admin().json("POST", path, annotation("{\"type\":\"image\",\"region\":{\"shape\":\"pin\",\"x\":1.5,\"y\":0.2}}", "x"));
        var page = admin().json("POST", path, annotation("{\"type\":\"page\",\"page\":1,\"region\":{\"shape\":\"pin\",\"x\":0.5,\"y\":0.2}}", "x"));
        var video = admin().json("POST", path, annotation("{\"type\":\"video\",\"startMs\":0}", "x"));
        var empty = admin().json("POST", path, annotation(RECT, "  "));
        var noVersion = admin().json("POST", "/api/v1/assets/" + asset + "/versions/9/annotations", annotation(RECT, "x"));

        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.header("Content-Type")).startsWith("application/problem+json");
        assertThat(outside.json().get("type").asString()).isEqualTo("/problems/invalid-annotation");
        assertThat(outside.json().get("detail").asString()).contains("x is 1.5");
        assertThat(page.status()).isEqualTo(400);
        assertThat(page.json().get("detail").asString()).contains("A page annotation does not fit");
        assertThat(video.json().get("detail").asString()).contains("A video annotation does not fit");
        assertThat(empty.json().get("detail").asString()).isEqualTo("A comment needs 1 to 10000 characters.");
        assertThat(noVersion.status()).isEqualTo(404);
        assertThat(admin().get(path).json()).isEmpty();
    }

    static String annotation(String mark, String body) {
        return "{\"mark\":" + mark + ",\"body\":\"" + body.replace("\n", "\\n") + "\"}";
    }

    static String upload(Api as) {
        int edge = ThreadLocalRandom.current().nextInt(40, 400);
        byte[] png = TestImages.png(edge, edge * 3 / 4, new Color(ThreadLocalRandom.current().nextInt(0xffffff)));
        var created = as.upload("/api/v1/assets", Multipart.file("proof.png", "image/png", png));
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asString();
    }
}
