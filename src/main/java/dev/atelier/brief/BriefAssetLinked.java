package dev.atelier.brief;

import dev.atelier.asset.AssetId;
import dev.atelier.identity.UserId;

/** An asset was linked to a brief; for {@link LinkedAsset.Role#DRAFT} a workflow may start on it. */
public record BriefAssetLinked(BriefId brief, AssetId asset, LinkedAsset.Role role, UserId by) {}
