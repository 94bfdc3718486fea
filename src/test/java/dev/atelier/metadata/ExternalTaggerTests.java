package dev.atelier.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.identity.Role;
import dev.atelier.testsupport.Api;
import dev.atelier.testsupport.AutoTags;
import dev.atelier.testsupport.FakeTagger;
import dev.atelier.testsupport.FakeTagger.Answer;
import dev.atelier.testsupport.IntegrationTest;
import dev.atelier.testsupport.Multipart;
import dev.atelier.testsupport.Poll;
import dev.atelier.testsupport.TestImages;
import dev.atelier.testsupport.UniqueWords;
import java.awt.Color;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The external tagger through the running application and a fake tagging server on 127.0.0.1:
 * each test scripts the answer for images of its own size (see {@link FakeTagger}).
 */
class ExternalTaggerTests extends IntegrationTest {

    private static final String BEACH = "{\"tags\":[{\"name\":\"Beach\",\"confidence\":0.93},{\"name\":\"sea\",\"confidence\":0.71},"
            + "{\"name\":\"dog\",\"confidence\":0.2}]}";

    @Test
    void suggestionsFromThePreviewAppearAfterUploadWithoutTheUnconfidentOnes() {
        FakeTagger.answer(611, 401, Answer.tags(BEACH));
        String id = upload(admin(), "Shore", 611, 401);

        JsonNode s = awaitTagged(admin(), id);

        assertThat(s.get("tagger").asString()).isEqualTo("done");
        assertThat(names(s)).containsExactly("Beach", "sea");
        assertThat(s.get("items").get(0).get("confidence").asDouble()).isEqualTo(0.93);
        FakeTagger.Received request = FakeTagger.received(611, 401).getFirst();
        assertThat(request.contentType()).isEqualTo("image/jpeg");
        assertThat(request.isJpeg()).as("our JPEG preview, not the PNG original").isTrue();
        assertThat(request.authorization()).isEqualTo("Bearer " + FakeTagger.TOKEN);
    }

    @Test
    void anAcceptedSuggestionIsATagFoundBySearchAndAudited() {
        String word = UniqueWords.next();
        FakeTagger.answer(612, 402, Answer.tags(BEACH));
        String id = upload(admin(), "Shore " + word, 612, 402);
        awaitTagged(admin(), id);

        var accepted = admin().json("POST", "/api/v1/assets/" + id + "/tag-suggestions/accept", "{\"tags\":[\"beach\"]}");

        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
        assertThat(accepted.json().get("decided").asInt()).isEqualTo(1);
        assertThat(AssetTagTests.tags(admin().get("/api/v1/assets/" + id + "/tags").json())).containsExactly("Beach");
        assertThat(names(admin().get("/api/v1/assets/" + id + "/tag-suggestions").json())).containsExactly("sea");
        assertThat(AutoTags.awaitSearch(admin(), "tag:beach " + word, 1).get("items").get(0).get("id").asString()).isEqualTo(id);
        assertThat(AssetTagTests.facet(AutoTags.awaitSearch(admin(), word, 1), "tag")).contains("beach=1");
        assertThat(admin().get("/api/v1/assets/" + id + "/history").json().toString()).contains("changed=tags: +Beach (suggested)");
    }

    @Test
    void aRejectedTagIsNotSuggestedAgainForANewVersion() {
        FakeTagger.answer(613, 403, Answer.tags(BEACH));
        String id = upload(admin(), "Shore", 613, 403);
        awaitTagged(admin(), id);

        assertThat(admin().json("POST", "/api/v1/assets/" + id + "/tag-suggestions/reject", "{\"tags\":[\"Sea\"]}").status()).isEqualTo(200);
        admin().upload("/api/v1/assets/" + id + "/versions", Multipart.file("shore-2.png", null, png(613, 403)));
        JsonNode again = Poll.until(() -> admin().get("/api/v1/assets/" + id + "/tag-suggestions").json(),
                s -> s.get("version").asInt() == 2 && !s.get("tagger").asString().equals("pending"), Duration.ofSeconds(60));

        assertThat(FakeTagger.received(613, 403)).hasSize(2);
        assertThat(again.get("tagger").asString()).isEqualTo("done");
        assertThat(names(again)).containsExactly("Beach");
        var unknown = admin().json("POST", "/api/v1/assets/" + id + "/tag-suggestions/accept", "{\"tags\":[\"sea\"]}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void bulkAcceptDecidesEveryAssetItMayAndReportsTheOthers() {
        Api carla = as("carla-tagger", Role.CONTRIBUTOR);
        FakeTagger.answer(614, 404, Answer.tags(BEACH));
        String first = upload(carla, "One", 614, 404);
        String second = upload(carla, "Two", 614, 404);
        String hidden = upload(admin(), "Hidden", 614, 404);
        assertThat(admin().json("PATCH", "/api/v1/assets/" + hidden, "{\"confidential\":true}").status()).isEqualTo(200);
        List.of(first, second, hidden).forEach(id -> awaitTagged(admin(), id));

        var result = carla.json("POST", "/api/v1/tag-suggestions/accept",
                "{\"assetIds\":[\"" + first + "\",\"" + second + "\",\"" + hidden + "\"]}");

        assertThat(result.status()).as(result.text()).isEqualTo(200);
        assertThat(result.json().get("assets").asInt()).isEqualTo(2);
        assertThat(result.json().get("tags").asInt()).isEqualTo(4);
        assertThat(result.json().get("failures")).hasSize(1);
        assertThat(result.json().get("failures").get(0).get("assetId").asString()).isEqualTo(hidden);
        assertThat(AssetTagTests.tags(carla.get("/api/v1/assets/" + second + "/tags").json())).containsExactly("Beach", "sea");
        assertThat(names(admin().get("/api/v1/assets/" + hidden + "/tag-suggestions").json())).containsExactly("Beach", "sea");
        assertThat(carla.json("POST", "/api/v1/tag-suggestions/reject", "{\"tags\":[\"x\"]}").status()).isEqualTo(400);
    }

    @Test
    void aViewerSeesSuggestionsButCannotDecide() {
        Api viewer = as("viewer-tagger", Role.VIEWER);
        FakeTagger.answer(615, 405, Answer.tags(BEACH));
        String id = upload(admin(), "Shore", 615, 405);
        awaitTagged(admin(), id);

        assertThat(names(viewer.get("/api/v1/assets/" + id + "/tag-suggestions").json())).containsExactly("Beach", "sea");
        var refused = viewer.json("POST", "/api/v1/assets/" + id + "/tag-suggestions/accept", "{\"tags\":[\"sea\"]}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(viewer.json("POST", "/api/v1/tag-suggestions/accept", "{\"assetIds\":[\"" + id + "\"]}").status()).isEqualTo(403);
        assertThat(AssetTagTests.tags(admin().get("/api/v1/assets/" + id + "/tags").json())).isEmpty();
    }

    @Test
    void aTaggerThatIsDownOrAnswersNonsenseIsRecordedAsFailedAndTheAssetIsFine() {
        FakeTagger.answer(616, 406, new Answer(503, "busy"));
        FakeTagger.answer(617, 407, Answer.tags("{\"tags\":[{\"name\":\"beach\"}]"));
        String down = upload(admin(), "Down", 616, 406);
        String nonsense = upload(admin(), "Nonsense", 617, 407);

        JsonNode failed = awaitTagged(admin(), down);
        JsonNode malformed = awaitTagged(admin(), nonsense);

        assertThat(failed.get("tagger").asString()).isEqualTo("failed");
        assertThat(failed.get("reason").asString()).contains("gave up after 4 attempts").contains("HTTP 503");
        assertThat(FakeTagger.received(616, 406)).hasSize(4);
        assertThat(malformed.get("tagger").asString()).isEqualTo("failed");
        assertThat(malformed.get("reason").asString()).contains("not JSON");
        assertThat(admin().get("/api/v1/assets/" + down).status()).isEqualTo(200);
        assertThat(admin().json("PATCH", "/api/v1/assets/" + down + "/tags", "{\"add\":[\"manual\"]}").status()).isEqualTo(200);
    }

    private static String upload(Api api, String title, int width, int height) {
        return AutoTags.upload(api, title, "shore.png", png(width, height));
    }

    private static byte[] png(int width, int height) {
        return TestImages.encode(AutoTags.mostly(Color.CYAN, width, height), "png");
    }

    private static JsonNode awaitTagged(Api api, String id) {
        return Poll.until(() -> api.get("/api/v1/assets/" + id + "/tag-suggestions").json(),
                s -> !s.get("tagger").asString().equals("pending"), Duration.ofSeconds(60));
    }

    private static List<String> names(JsonNode suggestions) {
        List<String> out = new ArrayList<>();
        suggestions.get("items").forEach(i -> out.add(i.get("tag").asString()));
        return out;
    }
}
