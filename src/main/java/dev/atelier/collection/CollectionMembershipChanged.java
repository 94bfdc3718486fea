package dev.atelier.collection;

import dev.atelier.asset.AssetId;
import java.util.List;

/** These assets joined or left a collection, or a folder above them moved: what they belong to changed. */
public record CollectionMembershipChanged(List<AssetId> assets) {
}
