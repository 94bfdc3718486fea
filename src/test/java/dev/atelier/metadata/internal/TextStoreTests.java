package dev.atelier.metadata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.asset.AssetId;
import dev.atelier.asset.internal.Assets;
import dev.atelier.identity.internal.Users;
import dev.atelier.metadata.VersionText;
import dev.atelier.metadata.VersionText.Source;
import dev.atelier.metadata.VersionText.Status;
import dev.atelier.testsupport.StoredAssets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;

/** The version_text table, run on H2 and on PostgreSQL by the subclasses. */
@JdbcTest
@Import({TextStore.class, Assets.class, Users.class})
abstract class TextStoreTests {

    static final Instant NOW = Instant.parse("2026-05-01T12:00:00Z");

    @Autowired
    TextStore texts;

    @Autowired
    Assets assets;

    @Autowired
    Users users;

    AssetId asset;

    @BeforeEach
    void assetWithOneVersion() {
        asset = StoredAssets.insert(users, assets, 1, "application/pdf", NOW);
    }

    @Test
    void keepsAMillionCharactersOfAnyScriptAndReplacesThemOnTheNextSave() {
        String text = "Hafen港 😀 ".repeat(100_000);
        var extracted = new VersionText(asset, 1, Status.EXTRACTED, Optional.of(Source.DOCUMENT), text, true, Optional.empty(), NOW);
        texts.save(extracted);

        assertThat(texts.find(asset, 1)).contains(extracted);
        assertThat(texts.find(asset, 1).orElseThrow().length()).isEqualTo(1_000_000);

        var failed = new VersionText(asset, 1, Status.FAILED, Optional.empty(), "", false, Optional.of("x".repeat(5000)), NOW.plusSeconds(1));
        texts.save(failed);

        VersionText now = texts.find(asset, 1).orElseThrow();
        assertThat(now.status()).isEqualTo(Status.FAILED);
        assertThat(now.text()).isEmpty();
        assertThat(now.reason().orElseThrow()).hasSize(2000).endsWith("…");
        List<String> done = new ArrayList<>();
        texts.eachDone((id, version) -> done.add(id + "/" + version));
        assertThat(done).containsExactly(asset + "/1");
        assertThat(texts.find(asset, 2)).isEmpty();
    }
}
