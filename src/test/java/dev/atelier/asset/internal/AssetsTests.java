package dev.atelier.asset.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.asset.Asset;
import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetStatus;
import dev.atelier.asset.AssetVersion;
import dev.atelier.asset.StaleWriteException;
import dev.atelier.identity.Role;
import dev.atelier.identity.User;
import dev.atelier.identity.UserId;
import dev.atelier.identity.internal.Users;
import dev.atelier.shared.Cursor;
import dev.atelier.storage.BlobKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;

/** The asset tables, run once on H2 and once on PostgreSQL by the subclasses. */
@JdbcTest
@Import({Assets.class, Users.class})
abstract class AssetsTests {

    @Autowired
    Assets assets;

    @Autowired
    Users users;

    UserId owner;
    Instant t0 = Instant.parse("2026-03-01T10:00:00.123456Z");

    @BeforeEach
    void createOwner() {
        owner = new UserId(UUID.randomUUID());
        users.insert(new User(owner, "u" + owner.value().toString().substring(0, 8), "Owner", Role.CONTRIBUTOR, true, t0), "{noop}x");
    }

    @Test
    void roundTripsAnAssetWithItsVersions() {
        Asset asset = asset(t0, 2);
        assets.insert(asset);

        Asset loaded = assets.findById(asset.id()).orElseThrow();
        assertThat(loaded.title()).isEqualTo("Title ünïcødé");
        assertThat(loaded.createdAt()).isEqualTo(t0);
        assertThat(loaded.versions()).extracting(AssetVersion::number).containsExactly(1, 2);
        assertThat(loaded.currentVersion().blobKey()).isEqualTo(key(2));
        assertThat(loaded.currentVersion().originalFilename()).isEqualTo("file-2.jpg");
    }

    @Test
    void refusesAnUpdateFromAStaleRevision() {
        Asset asset = asset(t0, 1);
        assets.insert(asset);
        Asset copy = assets.findById(asset.id()).orElseThrow();

        assets.update(asset, 1);
        assertThatThrownBy(() -> assets.update(copy, 0)).isInstanceOf(StaleWriteException.class);
    }

    @Test
    void pagesNewestFirstWithAKeysetCursor() {
        for (int i = 0; i < 5; i++) {
            assets.insert(asset(t0.plusSeconds(i), 1));
        }
        // two assets created in the same microsecond must still page without loss or repeat
        assets.insert(asset(t0.plusSeconds(4), 1));

        List<Asset> first = assets.page(Optional.of(AssetStatus.ACTIVE), Optional.empty(), 4, Optional.empty());
        Asset last = first.getLast();
        List<Asset> second = assets.page(Optional.of(AssetStatus.ACTIVE), Optional.of(new Cursor(last.createdAt(), last.id().value())), 4, Optional.empty());

        assertThat(first).hasSize(4);
        assertThat(second).hasSize(2);
        assertThat(first.getFirst().createdAt()).isEqualTo(t0.plusSeconds(4));
        assertThat(second.getLast().createdAt()).isEqualTo(t0);
        assertThat(first.stream().map(Asset::id)).doesNotContainAnyElementsOf(second.stream().map(Asset::id).toList());
    }

    @Test
    void pagesEveryStatusAndStreamsEachRevisionForMirrors() {
        Asset active = asset(t0, 1);
        Asset trashed = new Asset(new AssetId(UUID.randomUUID()), "Gone", "", owner, AssetStatus.TRASHED, 7, t0.plusSeconds(1),
                t0.plusSeconds(1), Optional.of(t0.plusSeconds(1)), active.versions());
        assets.insert(active);
        assets.insert(trashed);

        var revisions = new java.util.HashMap<AssetId, Long>();
        assets.eachRevision(revisions::put);

        assertThat(assets.page(Optional.empty(), Optional.empty(), 10, Optional.empty())).extracting(Asset::id).containsExactly(trashed.id(), active.id());
        assertThat(revisions).containsEntry(active.id(), 1L).containsEntry(trashed.id(), 7L).hasSize(2);
    }

    @Test
    void leavesConfidentialAssetsOutOfAPageUnlessTheViewerOwnsThem() {
        Asset open = asset(t0, 1);
        Asset secret = new Asset(new AssetId(UUID.randomUUID()), "Secret", "", owner, AssetStatus.ACTIVE, 1, t0.plusSeconds(1),
                t0.plusSeconds(1), Optional.empty(), open.versions(), true);
        assets.insert(open);
        assets.insert(secret);

        var someoneElse = Optional.of(new UserId(UUID.randomUUID()));

        assertThat(assets.page(Optional.of(AssetStatus.ACTIVE), Optional.empty(), 10, someoneElse)).extracting(Asset::id).containsExactly(open.id());
        assertThat(assets.page(Optional.of(AssetStatus.ACTIVE), Optional.empty(), 10, Optional.of(owner))).hasSize(2);
        assertThat(assets.findById(secret.id()).orElseThrow().confidential()).isTrue();
    }

    @Test
    void findsTheCurrentOrANumberedVersionOfAnAssetInAStatus() {
        Asset asset = asset(t0, 3);
        assets.insert(asset);

        assertThat(assets.findVersion(asset.id(), AssetStatus.ACTIVE, Optional.empty())).map(AssetVersion::number).contains(3);
        assertThat(assets.findVersion(asset.id(), AssetStatus.ACTIVE, Optional.of(1))).map(AssetVersion::blobKey).contains(key(1));
        assertThat(assets.findVersion(asset.id(), AssetStatus.ACTIVE, Optional.of(4))).isEmpty();
        assertThat(assets.findVersion(asset.id(), AssetStatus.TRASHED, Optional.empty())).isEmpty();
        assertThat(assets.findVersion(new AssetId(UUID.randomUUID()), AssetStatus.ACTIVE, Optional.of(1))).isEmpty();
    }

    @Test
    void findsNothingForAnUnknownId() {
        assertThat(assets.findById(new AssetId(UUID.randomUUID()))).isEmpty();
    }

    private Asset asset(Instant at, int versions) {
        var list = new java.util.ArrayList<AssetVersion>();
        for (int n = 1; n <= versions; n++) {
            list.add(new AssetVersion(n, key(n), 1000L * n, "image/jpeg", "file-" + n + ".jpg", owner, at.plus(n, ChronoUnit.MINUTES)));
        }
        return new Asset(new AssetId(UUID.randomUUID()), "Title ünïcødé", "", owner, AssetStatus.ACTIVE, 1, at, at, Optional.empty(), list);
    }

    private static BlobKey key(int n) {
        return new BlobKey(String.valueOf(n).repeat(64));
    }
}
