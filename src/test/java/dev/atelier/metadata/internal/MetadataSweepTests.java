package dev.atelier.metadata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.testsupport.IntegrationTest;
import dev.atelier.testsupport.Multipart;
import dev.atelier.testsupport.Poll;
import dev.atelier.testsupport.TestImages;
import java.awt.Color;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** A library from before metadata, analysis or text existed gets them at the next start. */
class MetadataSweepTests extends IntegrationTest {

    private static final String[] TABLES = {"version_metadata", "image_analysis", "version_text"};

    @Autowired
    MetadataSweep sweep;
    @Autowired
    JdbcTemplate jdbc;

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

    private int rows(UUID asset) {
        int found = 0;
        for (String table : TABLES) {
            found += jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE asset_id = ? AND status <> 'PENDING'", Integer.class, asset) > 0 ? 1 : 0;
        }
        return found;
    }
}
