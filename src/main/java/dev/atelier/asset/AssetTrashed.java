package dev.atelier.asset;

import dev.atelier.identity.UserId;

public record AssetTrashed(AssetId assetId, UserId by) {
}
