package dev.atelier.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.asset.AssetId;
import dev.atelier.asset.internal.Assets;
import dev.atelier.identity.internal.Users;
import dev.atelier.media.Rendition;
import dev.atelier.media.RenditionKind;
import dev.atelier.media.RenditionStatus;
import dev.atelier.storage.BlobKey;
import dev.atelier.testsupport.StoredAssets;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;

/** The renditions table, run on H2 and on PostgreSQL by the subclasses. */
@JdbcTest
@Import({Renditions.class, Assets.class, Users.class})
abstract class RenditionsTests {

    static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

    @Autowired
    Renditions renditions;

    @Autowired
    Assets assets;

    @Autowired
    Users users;

    AssetId asset;

    @BeforeEach
    void assetWithOneVersion() {
        asset = StoredAssets.insert(users, assets, 1, "image/png", NOW);
    }

    @Test
    void replacesThePendingRowWhenTheRenditionIsReady() {
        renditions.save(Rendition.pending(asset, 1, RenditionKind.THUMBNAIL, NOW));
        var ready = new Rendition(asset, 1, RenditionKind.THUMBNAIL, RenditionStatus.READY, Optional.of(new BlobKey("b".repeat(64))),
                Optional.of("image/jpeg"), 400, 300, Optional.empty(), NOW.plusSeconds(1));
        renditions.save(ready);

        assertThat(renditions.find(asset, 1, RenditionKind.THUMBNAIL)).contains(ready);
        assertThat(renditions.findAll(asset, 1)).hasSize(1);
    }

    @Test
    void keepsTheReasonOfAFailure() {
        renditions.save(new Rendition(asset, 1, RenditionKind.PREVIEW, RenditionStatus.FAILED, Optional.empty(), Optional.empty(), 0, 0,
                Optional.of("the image data is damaged"), NOW));

        assertThat(renditions.find(asset, 1, RenditionKind.PREVIEW).orElseThrow().reason()).contains("the image data is damaged");
        assertThat(renditions.find(asset, 1, RenditionKind.THUMBNAIL)).isEmpty();
    }
}
