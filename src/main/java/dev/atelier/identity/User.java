package dev.atelier.identity;

import java.time.Instant;
import java.util.Optional;

/** A person or service account that can log in; {@code email} (lower-case) is where notifications are mailed, when set. */
public record User(UserId id, String username, String displayName, Role role, boolean enabled, Instant createdAt, Optional<String> email) {

    /** A user without an e-mail address. */
    public User(UserId id, String username, String displayName, Role role, boolean enabled, Instant createdAt) {
        this(id, username, displayName, role, enabled, createdAt, Optional.empty());
    }

    public Actor asActor() {
        return new Actor(id, username, role);
    }
}
