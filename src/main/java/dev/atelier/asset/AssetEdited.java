package dev.atelier.asset;

import dev.atelier.identity.UserId;

public record AssetEdited(AssetId assetId, long revision, UserId by) {
}
