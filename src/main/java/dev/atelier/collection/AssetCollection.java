package dev.atelier.collection;

import dev.atelier.identity.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A folder, a collection or a smart collection.
 *
 * @param parent the folder this one sits in; only folders have children
 * @param query for smart collections, the search that fills it (the search box's language)
 */
public record AssetCollection(UUID id, String name, Kind kind, Optional<UUID> parent, Optional<String> query, UserId owner,
        Instant createdAt) {

    public enum Kind { FOLDER, COLLECTION, SMART }

    public static final int MAX_NAME = 200;
}
