package dev.atelier.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.identity.Role;
import dev.atelier.testsupport.Api;
import dev.atelier.testsupport.AutoTags;
import dev.atelier.testsupport.IntegrationTest;
import dev.atelier.testsupport.TestImages;
import dev.atelier.testsupport.UniqueWords;
import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Automatic tags and near-duplicates through the running application: upload, the durable job, the API, search. */
class ImageAnalysisTests extends IntegrationTest {

    @Test
    void aMostlyRedImageIsTaggedRedAndFoundAndCountedByColour() {
        String word = UniqueWords.next();
        String red = AutoTags.upload(admin(), "Red " + word, "red.png", TestImages.encode(AutoTags.mostly(Color.RED, 640, 480), "png"));
        String green = AutoTags.upload(admin(), "Green " + word, "green.png", TestImages.encode(AutoTags.mostly(new Color(20, 160, 40), 640, 480), "png"));

        JsonNode analysis = AutoTags.awaitAnalysis(admin(), red);

        assertThat(analysis.get("status").asString()).isEqualTo("analysed");
        JsonNode first = analysis.get("colours").get(0);
        assertThat(first.get("name").asString()).isEqualTo("red");
        int rgb = Integer.parseInt(first.get("hex").asString().substring(1), 16);
        assertThat((rgb >> 16) & 0xff).isGreaterThan(235);
        assertThat((rgb >> 8) & 0xff).isLessThan(20);
        assertThat(rgb & 0xff).isLessThan(20);
        assertThat(analysis.get("width").asInt()).isEqualTo(640);
        assertThat(analysis.get("pixels").asLong()).isEqualTo(307_200);
        assertThat(analysis.get("megapixelClass").asString()).isEqualTo("<1 MP");
        AutoTags.awaitAnalysis(admin(), green);

        JsonNode found = AutoTags.awaitSearch(admin(), "color:red " + word, 1);
        assertThat(found.get("items").get(0).get("id").asString()).isEqualTo(red);
        // green's analysis reaches the index on its own: wait for it before counting
        AutoTags.awaitSearch(admin(), "color:green " + word, 1);
        assertThat(facet(AutoTags.awaitSearch(admin(), word, 2), "color")).contains("red=1", "green=1");
        assertThat(AutoTags.awaitSearch(admin(), "megapixels:>0.3 megapixels:<0.31 " + word, 2).get("total").asLong()).isEqualTo(2);
        assertThat(admin().get("/api/v1/search?q=" + encode("megapixels:>1 " + word)).json().get("total").asLong()).isZero();
    }

    @Test
    void transparencyNeedsAPixelThatIsNotOpaque() {
        String word = UniqueWords.next();
        BufferedImage holed = TestImages.image(300, 200, Color.ORANGE, BufferedImage.TYPE_INT_ARGB);
        var g = holed.createGraphics();
        g.setComposite(AlphaComposite.Clear);
        g.fillRect(0, 0, 100, 200);
        g.dispose();
        String transparent = AutoTags.upload(admin(), "Holed " + word, "holed.png", TestImages.encode(holed, "png"));
        String opaque = AutoTags.upload(admin(), "Solid " + word, "solid.png", TestImages.png(300, 200, Color.ORANGE));

        assertThat(AutoTags.awaitAnalysis(admin(), transparent).get("transparent").asBoolean()).isTrue();
        assertThat(AutoTags.awaitAnalysis(admin(), opaque).get("transparent").asBoolean()).isFalse();
        assertThat(AutoTags.awaitSearch(admin(), "transparent:yes " + word, 1).get("items").get(0).get("id").asString()).isEqualTo(transparent);
        assertThat(AutoTags.awaitSearch(admin(), "transparent:no " + word, 1).get("items").get(0).get("id").asString()).isEqualTo(opaque);
    }

    @Test
    void aResizedReencodedCopyIsSimilarAndAnUnrelatedImageIsNot() {
        BufferedImage scene = TestImages.scene(1001, 1200, 800);
        String original = AutoTags.upload(admin(), "Harbour", "harbour.png", TestImages.encode(scene, "png"));
        String copy = AutoTags.upload(admin(), "Harbour small", "harbour-small.jpg", TestImages.jpeg(TestImages.resized(scene, 480, 320), 0.6f));
        String unrelated = AutoTags.upload(admin(), "Forest", "forest.png", TestImages.encode(TestImages.scene(2002, 1200, 800), "png"));
        List.of(original, copy, unrelated).forEach(id -> AutoTags.awaitAnalysis(admin(), id));

        List<String> similar = similar(admin(), original);

        assertThat(similar).contains(copy).doesNotContain(unrelated, original);
        JsonNode item = admin().get("/api/v1/assets/" + original + "/similar").json().get("items").get(0);
        assertThat(item.get("title").asString()).isEqualTo("Harbour small");
        assertThat(item.get("distance").asInt()).isBetween(0, 8);
    }

    @Test
    void aConfidentialAssetOfAnotherUserIsNeverListedForAViewer() {
        Api owner = as("owner-similar", Role.CONTRIBUTOR);
        Api viewer = as("viewer-similar", Role.VIEWER);
        BufferedImage scene = TestImages.scene(3003, 1000, 700);
        String open = AutoTags.upload(owner, "Open", "open.png", TestImages.encode(scene, "png"));
        String secret = AutoTags.upload(owner, "Secret", "secret.jpg", TestImages.jpeg(TestImages.resized(scene, 500, 350), 0.7f));
        AutoTags.awaitAnalysis(owner, open);
        AutoTags.awaitAnalysis(owner, secret);
        assertThat(owner.json("PATCH", "/api/v1/assets/" + secret, "{\"confidential\":true}").status()).isEqualTo(200);

        assertThat(similar(owner, open)).contains(secret);
        assertThat(similar(viewer, open)).doesNotContain(secret);
        assertThat(viewer.get("/api/v1/assets/" + secret + "/similar").status()).isEqualTo(404);
    }

    @Test
    void filesWithoutPixelsAreNotApplicableAndUnknownAssetsAreProblems() {
        String text = AutoTags.upload(admin(), "Notes", "notes.txt", ("plain words " + System.nanoTime()).getBytes(StandardCharsets.UTF_8));

        assertThat(AutoTags.awaitAnalysis(admin(), text).get("status").asString()).isEqualTo("not_applicable");
        var missing = admin().get("/api/v1/assets/0190a0b0-0000-7000-8000-000000000000/analysis");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.header("Content-Type")).contains("application/problem+json");
        assertThat(admin().get("/api/v1/assets/not-an-id/similar").status()).isEqualTo(400);
    }

    private static List<String> similar(Api api, String id) {
        List<String> ids = new ArrayList<>();
        api.get("/api/v1/assets/" + id + "/similar").json().get("items").forEach(i -> ids.add(i.get("id").asString()));
        return ids;
    }

    static List<String> facet(JsonNode result, String name) {
        List<String> values = new ArrayList<>();
        for (JsonNode f : result.get("facets")) {
            if (f.get("name").asString().equals(name)) {
                f.get("values").forEach(v -> values.add(v.get("value").asString() + "=" + v.get("count").asLong()));
            }
        }
        return values;
    }

    private static String encode(String query) {
        return URLEncoder.encode(query, StandardCharsets.UTF_8);
    }
}
