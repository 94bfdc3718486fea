package dev.atelier.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ColourNamesTests {

    @ParameterizedTest
    @CsvSource({"ff0000, red", "8b0000, red", "ffc0cb, pink", "ff00ff, pink", "ff8c00, orange", "8b4513, brown", "d2b48c, brown",
            "ffd700, yellow", "228b22, green", "008080, teal", "1428c8, blue", "87ceeb, blue", "000080, blue", "800080, purple",
            "8a2be2, purple", "000000, black", "101010, black", "808080, gray", "f8f8f8, white", "ffffff, white"})
    void namesColoursAsPeopleWould(String hex, String name) {
        int rgb = Integer.parseInt(hex, 16);
        assertThat(ColourNames.nameOf((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff)).isEqualTo(name);
    }
}
