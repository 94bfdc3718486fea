package dev.atelier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How the test JVM itself is set up (the surefire configuration in the pom). */
class TestJvmTests {

    @Test
    void ourAssertionsRunButH2sOwnDoNot() {
        // h2database#4048: an MVStore assertion fails now and then under concurrent writes and closes the database
        assertThat(org.h2.mvstore.MVStore.class.desiredAssertionStatus()).isFalse();
        assertThat(TestJvmTests.class.desiredAssertionStatus()).isTrue();
    }
}
