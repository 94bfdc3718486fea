package dev.atelier.brief;

import dev.atelier.identity.Role;
import dev.atelier.identity.UserId;
import dev.atelier.testsupport.Api;
import dev.atelier.testsupport.IntegrationTest;
import dev.atelier.testsupport.UniqueWords;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A new contributor per test (named by a unique word, which also marks the test's titles) with a template of their own. */
abstract class OwnerWithTemplate extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    CalendarFixtures fixtures;
    String word;
    Api owner;
    UserId ownerId;
    UUID template;

    @BeforeEach
    void ownerWithTemplate() {
        fixtures = new CalendarFixtures(jdbc);
        word = UniqueWords.next();
        owner = as(word, Role.CONTRIBUTOR);
        ownerId = users.findByUsername(word).orElseThrow().id();
        template = fixtures.template(ownerId);
    }
}
