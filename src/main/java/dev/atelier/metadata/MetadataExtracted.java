package dev.atelier.metadata;

import dev.atelier.asset.AssetId;

/** The embedded metadata of a version was read (or found unreadable); see {@link MetadataManagement#of}. */
public record MetadataExtracted(AssetId assetId, int version) {
}
