package dev.atelier.asset.web;

import dev.atelier.asset.Asset;
import dev.atelier.asset.MediaTypeLabels;

/** What a library card shows. */
record AssetCard(String id, String title, String typeLabel, int version) {

    static AssetCard of(Asset a) {
        return new AssetCard(a.id().toString(), a.title(), MediaTypeLabels.of(a.currentVersion().mediaType()), a.currentVersion().number());
    }

    /** The shared grid shows a review badge where this is true; cards in the trash have none. */
    public boolean reviewed() {
        return false;
    }
}
