package dev.atelier.proofing.internal;

import dev.atelier.testsupport.EmbeddedPostgresSupport;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
// closed before the JVM exits, while PostgreSQL still runs: its shutdown hook and Spring's would race
@DirtiesContext
class ProofingRowsOnPostgresTests extends ProofingRowsTests {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedPostgresSupport.register(registry);
    }
}
