package dev.atelier.asset;

import dev.atelier.identity.UserId;

public record AssetRestored(AssetId assetId, UserId by) {
}
