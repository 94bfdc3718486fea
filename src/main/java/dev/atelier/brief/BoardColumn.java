package dev.atelier.brief;

import java.util.Optional;
import java.util.UUID;

/**
 * One column of a board.
 *
 * @param position 0 for the leftmost
 * @param wipLimit at most this many cards; empty for no limit
 */
public record BoardColumn(UUID id, UUID board, String name, int position, Optional<Integer> wipLimit) {

    public static final int MAX_NAME = 100;

    /** Whether a card coming from another column would exceed the limit. */
    public boolean full(int cards) {
        return wipLimit.map(limit -> cards >= limit).orElse(false);
    }
}
