package dev.atelier.metadata;

import dev.atelier.asset.AssetId;

/** A version's pixels were analysed, or found to have none, or failed for good; see {@link ImageAnalysisManagement#of}. */
public record ImageAnalysed(AssetId assetId, int version) {
}
