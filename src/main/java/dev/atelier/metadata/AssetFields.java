package dev.atelier.metadata;

import dev.atelier.asset.AssetId;
import java.util.List;

/**
 * The custom fields of one asset: every field that applies to it, with its values as people read
 * them (term labels, usernames) and as stored (term ids).
 */
public record AssetFields(AssetId assetId, long revision, List<Entry> entries) {

    public record Entry(FieldDefinition field, List<String> values, List<String> stored) {}
}
