package dev.atelier.proofing;

import static dev.atelier.proofing.ProofingApiTests.RECT;
import static dev.atelier.proofing.ProofingApiTests.annotation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.identity.Role;
import dev.atelier.testsupport.Api;
import dev.atelier.testsupport.IntegrationTest;
import dev.atelier.testsupport.Multipart;
import dev.atelier.testsupport.Poll;
import dev.atelier.testsupport.TestImages;
import java.awt.Color;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A new version gets the previous version's open threads as a checklist: addressed by the creator, confirmed by a reviewer. */
class CarryForwardTests extends IntegrationTest {

    @Test
    void carriesOpenAnnotationsButNotResolvedOnesToTheNextVersion() {
        Api rita = as("rita-carry", Role.REVIEWER);
        Api cora = as("cora-carry", Role.CONTRIBUTOR);
        String asset = ProofingApiTests.upload(cora);
        String v1 = "/api/v1/assets/" + asset + "/versions/1/annotations";
        String open = rita.json("POST", v1, annotation(RECT, "Warmer colours\nthe sky looks cold")).json().get("id").asString();
        String fixed = rita.json("POST", v1, annotation(RECT, "Typo in the headline")).json().get("id").asString();
        rita.post("/api/v1/annotations/" + fixed + "/resolve");

        newVersion(cora, asset, Color.ORANGE);
        JsonNode carried = awaitCarried(rita, asset, 2, 1);

        assertThat(carried.get(0).get("label").asString()).isEqualTo("carried from v1: Warmer colours");
        assertThat(carried.get(0).get("annotationId").asString()).isEqualTo(open);
        assertThat(carried.get(0).get("fromVersion").asInt()).isEqualTo(1);
        assertThat(carried.get(0).get("state").asString()).isEqualTo("open");
        assertThat(rita.get("/api/v1/assets/" + asset + "/versions/1/carried").json()).isEmpty();
    }

    @Test
    void theCreatorMarksAnItemAddressedAndAReviewerConfirmsIt() {
        Api rita = as("rita-confirm", Role.REVIEWER);
        Api cora = as("cora-confirm", Role.CONTRIBUTOR);
        Api vic = as("vic-confirm", Role.VIEWER);
        String asset = ProofingApiTests.upload(cora);
        rita.json("POST", "/api/v1/assets/" + asset + "/versions/1/annotations", annotation(RECT, "Crop tighter"));
        newVersion(cora, asset, Color.PINK);
        String item = awaitCarried(rita, asset, 2, 1).get(0).get("id").asString();

        assertThat(rita.post("/api/v1/carried/" + item + "/confirm").status()).as("not addressed yet").isEqualTo(409);
        assertThat(vic.post("/api/v1/carried/" + item + "/addressed").status()).isEqualTo(403);
        assertThat(rita.post("/api/v1/carried/" + item + "/addressed").status()).as("a reviewer is not the creator").isEqualTo(403);
        var addressed = cora.post("/api/v1/carried/" + item + "/addressed").json();
        assertThat(addressed.get("state").asString()).isEqualTo("addressed");
        assertThat(addressed.get("addressed").get("by").asString()).isEqualTo("cora-confirm");
        assertThat(cora.post("/api/v1/carried/" + item + "/confirm").status()).as("the creator cannot confirm").isEqualTo(403);

        var confirmed = rita.post("/api/v1/carried/" + item + "/confirm").json();
        assertThat(confirmed.get("state").asString()).isEqualTo("confirmed");
        assertThat(confirmed.get("confirmed").get("by").asString()).isEqualTo("rita-confirm");
        assertThat(rita.post("/api/v1/carried/" + item + "/confirm").status()).isEqualTo(409);

        rita.json("POST", "/api/v1/assets/" + asset + "/versions/2/annotations", annotation(RECT, "New issue on v2"));
        newVersion(cora, asset, Color.GRAY);
        JsonNode third = awaitCarried(rita, asset, 3, 1);
        assertThat(third).hasSize(1);
        assertThat(third.get(0).get("label").asString()).as("a confirmed item is not carried on").isEqualTo("carried from v2: New issue on v2");
    }

    @Test
    void aReviewerReopensAnAddressedItemWithAReplyOnTheOriginalThread() {
        Api rita = as("rita-reopen", Role.REVIEWER);
        Api cora = as("cora-reopen", Role.CONTRIBUTOR);
        String asset = ProofingApiTests.upload(cora);
        String thread = rita.json("POST", "/api/v1/assets/" + asset + "/versions/1/annotations", annotation(RECT, "Logo too small"))
                .json().get("id").asString();
        newVersion(cora, asset, Color.GREEN);
        String item = awaitCarried(rita, asset, 2, 1).get(0).get("id").asString();
        cora.post("/api/v1/carried/" + item + "/addressed");

        var reopened = rita.json("POST", "/api/v1/carried/" + item + "/reopen", "{\"body\":\"Still too small, @cora-reopen\"}");

        assertThat(reopened.json().get("state").asString()).isEqualTo("open");
        assertThat(reopened.json().get("addressed")).isNull();
        JsonNode replies = rita.get("/api/v1/annotations/" + thread).json().get("thread");
        assertThat(replies).hasSize(2);
        assertThat(replies.get(1).get("body").asString()).isEqualTo("Still too small, @cora-reopen");
        assertThat(replies.get(1).get("mentions").get(0).asString()).isEqualTo("cora-reopen");
        newVersion(cora, asset, Color.BLUE);
        assertThat(awaitCarried(rita, asset, 3, 1).get(0).get("annotationId").asString()).as("still open: carried again").isEqualTo(thread);
    }

    static void newVersion(Api as, String asset, Color color) {
        var added = as.upload("/api/v1/assets/" + asset + "/versions", Multipart.file("proof-v.png", "image/png",
                TestImages.png(120, 90, color)));
        assertThat(added.status()).isEqualTo(201);
    }

    static JsonNode awaitCarried(Api as, String asset, int version, int count) {
        return Poll.until(() -> as.get("/api/v1/assets/" + asset + "/versions/" + version + "/carried").json(), items -> items.size() >= count,
                Duration.ofSeconds(20));
    }
}
