package dev.atelier.notification;

import dev.atelier.shared.NotFoundException;
import java.util.UUID;

public record NotificationId(UUID value) {

    /** @throws NotFoundException when the text is not an id (a notification that cannot exist) */
    public static NotificationId parse(String text) {
        try {
            return new NotificationId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("notification " + text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
