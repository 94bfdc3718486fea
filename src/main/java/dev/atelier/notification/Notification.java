package dev.atelier.notification;

import dev.atelier.identity.UserId;
import java.time.Instant;
import java.util.Optional;

/** A stored notice as its recipient sees it; unread while {@code readAt} is empty. */
public record Notification(NotificationId id, UserId recipient, String kind, String title, String body, String link,
        Optional<UserId> actor, Instant createdAt, Optional<Instant> readAt) {

    public boolean unread() {
        return readAt.isEmpty();
    }
}
