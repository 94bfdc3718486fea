package dev.atelier.asset;

/**
 * The review state of one of the asset's versions changed (a round started, ended or was
 * cancelled); the asset's revision moved with it, so mirrors such as the search index refresh.
 */
public record AssetReviewChanged(AssetId assetId, int version) {
}
