package dev.atelier.metadata;

import java.time.Instant;

/**
 * A tag the external tagger proposed for an asset, and what people made of it. One per asset and
 * tag: a rejected tag is not proposed again for the asset.
 *
 * @param version the version whose preview was tagged (the newest one that proposed it)
 * @param confidence 0..1, as the tagger said
 */
public record TagSuggestion(String tag, double confidence, int version, Status status, Instant updatedAt) {

    public enum Status {
        SUGGESTED, ACCEPTED, REJECTED
    }
}
