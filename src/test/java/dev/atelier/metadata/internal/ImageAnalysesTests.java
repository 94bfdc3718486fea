package dev.atelier.metadata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.asset.AssetId;
import dev.atelier.asset.internal.Assets;
import dev.atelier.identity.internal.Users;
import dev.atelier.media.FaceCount;
import dev.atelier.metadata.DominantColour;
import dev.atelier.metadata.ImageAnalysis;
import dev.atelier.metadata.ImageAnalysis.Status;
import dev.atelier.testsupport.StoredAssets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The image analysis table and the hash band index, run on H2 and on PostgreSQL by the subclasses. */
@JdbcTest
@Import({ImageAnalyses.class, Assets.class, Users.class, ImageAnalysesTests.Json.class})
abstract class ImageAnalysesTests {

    static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");
    static final long HASH = 0x9f3a_51c2_7e08_d4b6L;

    @TestConfiguration
    static class Json {
        @Bean
        JsonMapper jsonMapper() {
            return JsonMapper.builder().build();
        }
    }

    @Autowired
    ImageAnalyses analyses;
    @Autowired
    Assets assets;
    @Autowired
    Users users;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void keepsColoursAndFindsEveryHashWithinTheDistanceAndNoOtherThroughTheBands() {
        // 8 bits apart, all in one band: still found, since the other three bands match exactly
        AssetId sameBand = analysed(HASH ^ 0xff00L);
        // 8 bits apart, two in each band: each band is within the radius of 2
        AssetId spread = analysed(HASH ^ 0x0003_0003_0003_0003L);
        AssetId nine = analysed(HASH ^ 0x0007_0003_0003_0003L);
        AssetId far = analysed(~HASH);

        List<AssetId> found = analyses.within(HASH, 8).stream().map(ImageAnalyses.Candidate::asset).toList();

        assertThat(found).contains(sameBand, spread).doesNotContain(nine, far);
        assertThat(analyses.within(HASH, 9).stream().map(ImageAnalyses.Candidate::asset)).contains(nine).doesNotContain(far);
        assertThat(analyses.find(sameBand, 1).orElseThrow().colours()).containsExactly(new DominantColour("red", "#fe0102", 0.8));
    }

    @Test
    void onlyTheNewestVersionsHashStandsForTheAsset() {
        AssetId asset = asset(2);
        analyses.save(analysis(asset, 2, Status.NOT_APPLICABLE, 0));
        analyses.save(analysis(asset, 1, Status.ANALYSED, HASH));

        assertThat(analyses.within(HASH, 0)).noneMatch(c -> c.asset().equals(asset));
        assertThat(analyses.find(asset, 2).orElseThrow().status()).isEqualTo(Status.NOT_APPLICABLE);

        analyses.save(analysis(asset, 2, Status.ANALYSED, HASH));
        assertThat(analyses.within(HASH, 0)).anyMatch(c -> c.asset().equals(asset) && c.version() == 2);
    }

    @Test
    void keepsEachFaceCountAndItsReasonAndAnUncountedVersionIsNotZero() {
        AssetId asset = asset(4);
        List<FaceCount> counts = List.of(new FaceCount.Counted(0), new FaceCount.Counted(7), new FaceCount.Unavailable("no OpenCV"),
                new FaceCount.Failed("took longer than 30 s"));
        for (int v = 0; v < counts.size(); v++) {
            ImageAnalysis a = analysis(asset, v + 1, Status.ANALYSED, HASH);
            analyses.save(new ImageAnalysis(a.assetId(), a.version(), a.status(), a.reason(), a.width(), a.height(), a.colours(),
                    a.transparent(), a.hash(), counts.get(v), a.at()));
        }

        for (int v = 0; v < counts.size(); v++) {
            assertThat(analyses.find(asset, v + 1).orElseThrow().faces()).isEqualTo(counts.get(v));
        }
        assertThat(analyses.find(asset, 1).orElseThrow().faceCount()).hasValue(0);
        assertThat(analyses.find(asset, 3).orElseThrow().faceCount()).isEmpty();
    }

    @Test
    void aVersionAnalysedBeforeFacesWereCountedHasNoCountAndOneWithoutPixelsNone() {
        AssetId asset = asset(2);
        analyses.save(analysis(asset, 1, Status.ANALYSED, HASH));
        analyses.save(analysis(asset, 2, Status.NOT_APPLICABLE, 0));
        // as V28 left every row analysed before it
        jdbc.update("UPDATE image_analysis SET faces = NULL, faces_status = NULL, faces_reason = NULL WHERE asset_id = ? AND version = 1",
                asset.value());

        assertThat(analyses.find(asset, 1).orElseThrow().faces()).isInstanceOf(FaceCount.Unavailable.class);
        assertThat(analyses.find(asset, 1).orElseThrow().faceCount()).isEmpty();
        assertThat(analyses.find(asset, 2).orElseThrow().faces()).isEqualTo(ImageAnalysis.NOT_ANALYSED);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM image_analysis WHERE asset_id = ? AND faces_status IS NULL", Integer.class,
                asset.value())).isEqualTo(2);
    }

    private AssetId analysed(long hash) {
        AssetId asset = asset(1);
        analyses.save(analysis(asset, 1, Status.ANALYSED, hash));
        return asset;
    }

    private static ImageAnalysis analysis(AssetId asset, int version, Status status, long hash) {
        return new ImageAnalysis(asset, version, status, Optional.empty(), 640, 480, List.of(new DominantColour("red", "#fe0102", 0.8)),
                false, hash, new FaceCount.Counted(2), NOW);
    }

    private AssetId asset(int versions) {
        return StoredAssets.insert(users, assets, versions, "image/png", NOW);
    }
}
