package dev.atelier.metadata;

import dev.atelier.asset.AssetId;

/** An asset whose current version looks like another's: {@code distance} differing bits of their 64-bit perceptual hashes. */
public record SimilarAsset(AssetId id, String title, int distance) {
}
