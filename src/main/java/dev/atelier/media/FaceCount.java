package dev.atelier.media;

import java.util.OptionalInt;

/**
 * How many frontal faces a version's pixels show, or why that is unknown. Unknown is never 0:
 * an image nobody could look at for faces has no count at all.
 */
public sealed interface FaceCount {

    /** The faces found; 0 is a real answer (the detector looked and found none). */
    record Counted(int faces) implements FaceCount {

        public Counted {
            if (faces < 0) {
                throw new IllegalArgumentException("a count of faces cannot be negative: " + faces);
            }
        }
    }

    /** No detector was there to look (not installed, switched off, or before faces were counted): counting is worth trying once one is. */
    record Unavailable(String reason) implements FaceCount {}

    /** The detector could not look at this image (it ran out of time or memory, or crashed): trying again would not change that. */
    record Failed(String reason) implements FaceCount {}

    /** The count, when there is one. */
    default OptionalInt count() {
        return this instanceof Counted(int faces) ? OptionalInt.of(faces) : OptionalInt.empty();
    }

    /** Why there is no count; empty when there is one. */
    default String reason() {
        return switch (this) {
            case Counted c -> "";
            case Unavailable u -> u.reason();
            case Failed f -> f.reason();
        };
    }
}
