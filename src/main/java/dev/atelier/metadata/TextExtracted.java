package dev.atelier.metadata;

import dev.atelier.asset.AssetId;

/** The text of a version was read (or found unreadable, unsupported, unavailable); see {@link TextManagement#of}. */
public record TextExtracted(AssetId assetId, int version) {
}
