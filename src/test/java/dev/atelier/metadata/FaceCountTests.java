package dev.atelier.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.testsupport.AutoTags;
import dev.atelier.testsupport.IntegrationTest;
import dev.atelier.testsupport.RequiredTools;
import dev.atelier.testsupport.TestFaces;
import dev.atelier.testsupport.TestImages;
import dev.atelier.testsupport.UniqueWords;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Faces counted through the running application: upload, the analysis job in a worker, the API, search and facets. */
class FaceCountTests extends IntegrationTest {

    @BeforeEach
    void requireOpenCv() {
        JsonNode faces = admin().get("/actuator/health/media").json().path("details").path("faces");
        RequiredTools.require(faces.path("available").asBoolean(), "OpenCV for Python (" + faces.path("reason").asString() + ")",
                "python3-opencv opencv-data", "face count tests");
    }

    @Test
    void facesAreCountedShownAndFoundByCountAndBucket() {
        String word = UniqueWords.next();
        String trio = AutoTags.upload(admin(), "Trio " + word, "trio.jpg", TestImages.jpeg(TestFaces.group(301, 1500, 900, 3), 0.9f));
        String crowd = AutoTags.upload(admin(), "Crowd " + word, "crowd.jpg", TestImages.jpeg(TestFaces.group(302, 2400, 900, 7), 0.9f));
        String hills = AutoTags.upload(admin(), "Hills " + word, "hills.png",
                TestImages.encode(TestFaces.landscape(303, 1200, 700), "png"));

        int trioFaces = AutoTags.awaitAnalysis(admin(), trio).get("faces").asInt();
        int crowdFaces = AutoTags.awaitAnalysis(admin(), crowd).get("faces").asInt();
        JsonNode landscape = AutoTags.awaitAnalysis(admin(), hills);

        assertThat(trioFaces).isBetween(3, 4);
        assertThat(crowdFaces).isBetween(7, 8);
        assertThat(landscape.get("faces").asInt()).isZero();
        assertThat(landscape.has("facesUnknown")).isFalse();
        assertThat(ids(AutoTags.awaitSearch(admin(), "faces:0 " + word, 1))).containsExactly(hills);
        assertThat(ids(AutoTags.awaitSearch(admin(), "faces:>2 " + word, 2))).containsExactlyInAnyOrder(trio, crowd);
        assertThat(ids(AutoTags.awaitSearch(admin(), "faces:6+ " + word, 1))).containsExactly(crowd);
        assertThat(ImageAnalysisTests.facet(AutoTags.awaitSearch(admin(), word, 3), "faces")).containsExactly("none=1", "2-5=1", "6+=1");
        JsonNode chosen = admin().get("/api/v1/search?q=" + word + "&faces=2-5").json();
        assertThat(ids(chosen)).containsExactly(trio);
    }

    @Test
    void aMalformedCountIsAProblemThatSaysWhatItTakes() {
        var response = admin().get("/api/v1/search?q=faces:many");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("faces:many", "2-5", "6+");
    }

    @Test
    void theHealthCheckNamesTheEngine() {
        JsonNode faces = admin().get("/actuator/health/media").json().path("details").path("faces");

        assertThat(faces.get("available").asBoolean()).isTrue();
        assertThat(faces.get("engine").asString()).startsWith("OpenCV").contains("haarcascade_frontalface");
    }

    private static java.util.List<String> ids(JsonNode result) {
        var ids = new java.util.ArrayList<String>();
        result.get("items").forEach(i -> ids.add(i.get("id").asString()));
        return ids;
    }
}
