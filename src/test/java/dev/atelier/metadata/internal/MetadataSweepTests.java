package dev.atelier.metadata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.media.PixelAnalysisManagement;
import dev.atelier.testsupport.AutoTags;
import dev.atelier.testsupport.IntegrationTest;
import dev.atelier.testsupport.Multipart;
import dev.atelier.testsupport.Poll;
import dev.atelier.testsupport.RequiredTools;
import dev.atelier.testsupport.TestFaces;
import dev.atelier.testsupport.TestImages;
import java.awt.Color;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** A library from before metadata, analysis or text existed gets them at the next start. */
class MetadataSweepTests extends IntegrationTest {

    private static final String[] TABLES = {"version_metadata", "image_analysis", "version_text"};

    @Autowired
    MetadataSweep sweep;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PixelAnalysisManagement pixels;

    @Test
    void givesVersionsThatNeverHadThemTheirJobs() {
        String id = admin().upload("/api/v1/assets", Multipart.file("old.png", null, TestImages.png(64, 48, Color.ORANGE)))
                .json().get("id").asString();
        UUID asset = UUID.fromString(id);
        Poll.until(() -> rows(asset), n -> n == TABLES.length, Duration.ofSeconds(60));
        for (String table : TABLES) {
            jdbc.update("DELETE FROM " + table + " WHERE asset_id = ?", asset);
        }
        jdbc.update("DELETE FROM image_hash_bands WHERE asset_id = ?", asset);

        assertThat(sweep.sweep()).isGreaterThanOrEqualTo(TABLES.length);

        assertThat(Poll.until(() -> rows(asset), n -> n == TABLES.length, Duration.ofSeconds(60))).isEqualTo(TABLES.length);
    }

    @Test
    void countsTheFacesOfVersionsAnalysedBeforeFacesWereCounted() {
        RequiredTools.require(pixels.faceDetection().available(), "OpenCV for Python (" + pixels.faceDetection().detail() + ")",
                "python3-opencv opencv-data", "the face sweep test");
        String id = AutoTags.upload(admin(), "Pair", "pair.jpg", TestImages.jpeg(TestFaces.group(77, 1200, 800, 2), 0.9f));
        UUID asset = UUID.fromString(id);
        assertThat(AutoTags.awaitAnalysis(admin(), id).get("faces").asInt()).isEqualTo(2);
        // as V28 left the rows of versions analysed before it; then as when no detector was installed
        for (String before : new String[] {"faces_status = NULL, faces_reason = NULL",
                "faces_status = 'UNAVAILABLE', faces_reason = 'no OpenCV'"}) {
            jdbc.update("UPDATE image_analysis SET faces = NULL, " + before + " WHERE asset_id = ?", asset);
            assertThat(admin().get("/api/v1/assets/" + id + "/analysis").json().has("faces")).isFalse();

            assertThat(sweep.sweep()).isGreaterThanOrEqualTo(1);

            JsonNode again = Poll.until(() -> admin().get("/api/v1/assets/" + id + "/analysis").json(), a -> a.has("faces"),
                    Duration.ofSeconds(60));
            assertThat(again.get("faces").asInt()).isEqualTo(2);
        }
    }

    private int rows(UUID asset) {
        int found = 0;
        for (String table : TABLES) {
            found += jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE asset_id = ? AND status <> 'PENDING'", Integer.class, asset) > 0 ? 1 : 0;
        }
        return found;
    }
}
