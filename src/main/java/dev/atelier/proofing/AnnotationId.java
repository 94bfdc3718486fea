package dev.atelier.proofing;

import dev.atelier.shared.NotFoundException;
import java.util.UUID;

public record AnnotationId(UUID value) {

    /** @throws NotFoundException when the text is not an id: no annotation has it */
    public static AnnotationId parse(String text) {
        try {
            return new AnnotationId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("annotation " + text);
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
