package dev.atelier.notification;

import dev.atelier.shared.InvalidRequestException;
import java.util.Locale;

/** How a user wants notifications by e-mail; they always appear in the app. Users who never chose get {@link #IMMEDIATE}. */
public enum EmailDelivery {
    /** One mail per notification, as it happens. */
    IMMEDIATE,
    /** One mail a day listing what is new and still unread. */
    DIGEST,
    /** No mail. */
    NONE;

    /** @throws InvalidRequestException for anything but immediate, digest or none (any case) */
    public static EmailDelivery parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("E-mail delivery must be one of immediate, digest, none.");
        }
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
