package dev.atelier.brief;

import dev.atelier.shared.NotFoundException;
import java.util.UUID;

/** The id of a brief (UUIDv7). */
public record BriefId(UUID value) {

    /** @throws NotFoundException when the text is not an id, so a bad link reads as "no such brief" */
    public static BriefId parse(String text) {
        try {
            return new BriefId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("brief " + text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
