package dev.atelier.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.shared.InvalidRequestException;
import org.junit.jupiter.api.Test;

class ContentDigestsTests {

    // sha-256 of "hello"
    static final String HEX = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";
    static final String BASE64 = "LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=";

    @Test
    void readsSha256FromReprDigest() {
        assertThat(ContentDigests.fromReprDigest("sha-256=:" + BASE64 + ":")).contains(HEX);
    }

    @Test
    void picksSha256AmongOtherAlgorithms() {
        assertThat(ContentDigests.fromReprDigest("sha-512=:AAAA:, sha-256=:" + BASE64 + ":")).contains(HEX);
    }

    @Test
    void ignoresHeadersWithoutSha256() {
        assertThat(ContentDigests.fromReprDigest("sha-512=:AAAA:")).isEmpty();
        assertThat(ContentDigests.fromReprDigest(null)).isEmpty();
    }

    @Test
    void rejectsMalformedDigests() {
        assertThatThrownBy(() -> ContentDigests.fromReprDigest("sha-256=" + HEX)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> ContentDigests.fromReprDigest("sha-256=:AAAA:")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> ContentDigests.fromHex("xyz")).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void acceptsHexInAnyCase() {
        assertThat(ContentDigests.fromHex(HEX.toUpperCase())).contains(HEX);
    }
}
