package dev.atelier.asset;

/** Where an asset is in its life; later issues add review and archive states. */
public enum AssetStatus {
    ACTIVE, TRASHED
}
