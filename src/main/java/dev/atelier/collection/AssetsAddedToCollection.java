package dev.atelier.collection;

import dev.atelier.asset.AssetId;
import dev.atelier.identity.UserId;
import java.util.List;
import java.util.UUID;

/**
 * Assets went into a collection by hand (not those already in it).
 *
 * @param folders the collection and every folder above it, nearest first
 */
public record AssetsAddedToCollection(UUID collection, List<UUID> folders, List<AssetId> assets, UserId by) {
}
