package dev.atelier.metadata.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Multi-index hashing for 64-bit hashes: four bands of 16 bits, each stored and indexed on its
 * own. If two hashes differ in at most {@code d} bits, then by pigeonhole at least one band
 * differs in at most {@code d / 4} (rounded down) of them; so looking up, in every band, each
 * value within that radius of the query's band finds every hash within {@code d} — no pair is
 * missed — while reading only rows that share a band closely. For d ≤ 15 that is at most 697
 * values per band (radius 3; 137 at the default radius 2), each an exact index lookup.
 */
final class HashBands {

    static final int BANDS = 4;
    static final int BITS = 16;

    private HashBands() {
    }

    /** The band's 16-bit value, 0..65535; band 0 holds the lowest bits. */
    static int band(long hash, int band) {
        return (int) ((hash >>> (band * BITS)) & 0xffff);
    }

    static int radius(int maxDistance) {
        return maxDistance / BANDS;
    }

    /** Every 16-bit value that differs from {@code value} in at most {@code radius} bits, itself first. */
    static List<Integer> within(int value, int radius) {
        List<Integer> values = new ArrayList<>();
        values.add(value);
        flip(value, radius, 0, values);
        return values;
    }

    private static void flip(int value, int left, int fromBit, List<Integer> into) {
        if (left == 0) {
            return;
        }
        for (int bit = fromBit; bit < BITS; bit++) {
            int flipped = value ^ (1 << bit);
            into.add(flipped);
            flip(flipped, left - 1, bit + 1, into);
        }
    }
}
