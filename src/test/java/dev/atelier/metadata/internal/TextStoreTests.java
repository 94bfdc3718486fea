package dev.atelier.metadata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.asset.Asset;
import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetStatus;
import dev.atelier.asset.AssetVersion;
import dev.atelier.asset.internal.Assets;
import dev.atelier.identity.Role;
import dev.atelier.identity.User;
import dev.atelier.identity.UserId;
import dev.atelier.identity.internal.Users;
import dev.atelier.metadata.VersionText;
import dev.atelier.metadata.VersionText.Source;
import dev.atelier.metadata.VersionText.Status;
import dev.atelier.storage.BlobKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
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
        UserId owner = new UserId(UUID.randomUUID());
        users.insert(new User(owner, "o" + owner.value().toString().substring(0, 6), "O", Role.CONTRIBUTOR, true, NOW), "x");
        asset = new AssetId(UUID.randomUUID());
        var v1 = new AssetVersion(1, new BlobKey("a".repeat(64)), 10, "application/pdf", "a.pdf", owner, NOW);
        assets.insert(new Asset(asset, "t", "", owner, AssetStatus.ACTIVE, 1, NOW, NOW, Optional.empty(), List.of(v1)));
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
