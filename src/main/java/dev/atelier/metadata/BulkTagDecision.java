package dev.atelier.metadata;

import dev.atelier.asset.AssetId;
import java.util.List;

/**
 * What a decision over many assets did.
 *
 * @param assets assets where at least one suggestion was decided
 * @param tags suggestions decided, over all assets
 * @param failures assets left as they were, each with the reason (not found, not yours to edit, ...)
 */
public record BulkTagDecision(int assets, int tags, List<Failure> failures) {

    public record Failure(AssetId assetId, String reason) {}
}
