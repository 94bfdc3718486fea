package dev.atelier.metadata;

import java.util.UUID;

/** A controlled vocabulary: a named tree of {@link Term}s. */
public record Vocabulary(UUID id, String name) {
}
