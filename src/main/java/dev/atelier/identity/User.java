package dev.atelier.identity;

import java.time.Instant;

/** A person or service account that can log in. */
public record User(UserId id, String username, String displayName, Role role, boolean enabled, Instant createdAt) {

    public Actor asActor() {
        return new Actor(id, username, role);
    }
}
