package dev.atelier.asset;

import dev.atelier.identity.UserId;

/**
 * The asset's own properties or what hangs off it (custom field values) changed.
 *
 * @param changes what changed, for the audit trail: {@code title}, {@code confidential}, {@code fields: campaign, channel}
 */
public record AssetEdited(AssetId assetId, long revision, UserId by, String changes) {
}
