package dev.atelier.identity;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A personal access token as listed: never its secret, which is shown once at creation. */
public record AccessToken(UUID id, String name, String prefix, Instant createdAt, Optional<Instant> expiresAt,
        Optional<Instant> lastUsedAt) {
}
