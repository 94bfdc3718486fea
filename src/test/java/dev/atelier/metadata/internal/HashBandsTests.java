package dev.atelier.metadata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HashBandsTests {

    @Test
    void listsEveryValueWithinTheRadiusOnce() {
        assertThat(HashBands.within(0x1234, 0)).containsExactly(0x1234);
        assertThat(HashBands.within(0x1234, 1)).hasSize(17).doesNotHaveDuplicates();
        assertThat(HashBands.within(0x1234, 2)).hasSize(137).doesNotHaveDuplicates()
                .allMatch(v -> Integer.bitCount(v ^ 0x1234) <= 2);
    }

    @Test
    void everyHashWithinTheDistanceSharesABandWithinTheRadius() {
        Random random = new Random(11);
        for (int distance = 0; distance <= 15; distance++) {
            int radius = HashBands.radius(distance);
            for (int trial = 0; trial < 500; trial++) {
                long hash = random.nextLong();
                long other = hash;
                Set<Integer> bits = new HashSet<>();
                while (bits.size() < distance) {
                    bits.add(random.nextInt(64));
                }
                for (int bit : bits) {
                    other ^= 1L << bit;
                }
                long near = other;
                boolean found = java.util.stream.IntStream.range(0, HashBands.BANDS)
                        .anyMatch(b -> HashBands.within(HashBands.band(hash, b), radius).contains(HashBands.band(near, b)));
                assertThat(found).as("distance %d", distance).isTrue();
            }
        }
    }
}
