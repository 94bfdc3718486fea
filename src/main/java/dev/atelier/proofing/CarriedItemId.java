package dev.atelier.proofing;

import dev.atelier.shared.NotFoundException;
import java.util.UUID;

public record CarriedItemId(UUID value) {

    /** @throws NotFoundException when the text is not an id: no item has it */
    public static CarriedItemId parse(String text) {
        try {
            return new CarriedItemId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("checklist item " + text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
