package dev.atelier.testsupport;

import dev.atelier.asset.Asset;
import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetStatus;
import dev.atelier.asset.AssetVersion;
import dev.atelier.asset.internal.Assets;
import dev.atelier.identity.Role;
import dev.atelier.identity.User;
import dev.atelier.identity.UserId;
import dev.atelier.identity.internal.Users;
import dev.atelier.storage.BlobKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;

/** Rows for repository tests: an asset with its own owner and versions, straight into the tables other rows refer to. */
public final class StoredAssets {

    private StoredAssets() {
    }

    /** An active asset of a new contributor with versions 1..{@code versions} of one media type. */
    public static AssetId insert(Users users, Assets assets, int versions, String mediaType, Instant at) {
        UserId owner = new UserId(UUID.randomUUID());
        users.insert(new User(owner, "o" + owner.value().toString().substring(0, 8), "O", Role.CONTRIBUTOR, true, at), "x");
        AssetId asset = new AssetId(UUID.randomUUID());
        List<AssetVersion> all = IntStream.rangeClosed(1, versions)
                .mapToObj(n -> new AssetVersion(n, new BlobKey("a".repeat(64)), 10, mediaType, "a." + mediaType.substring(mediaType.indexOf('/') + 1), owner, at))
                .toList();
        assets.insert(new Asset(asset, "t", "", owner, AssetStatus.ACTIVE, 1, at, at, Optional.empty(), all));
        return asset;
    }
}
