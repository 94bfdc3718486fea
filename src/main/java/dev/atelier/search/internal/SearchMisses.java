package dev.atelier.search.internal;

import dev.atelier.identity.Actor;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code search_misses} table: queries that found nothing, for content-gap analytics. */
@Repository
public class SearchMisses {

    private final JdbcClient jdbc;
    private final Clock clock;

    SearchMisses(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(Actor actor, String query, String filters) {
        jdbc.sql("INSERT INTO search_misses (query, filters, user_id, searched_at) VALUES (?, ?, ?, ?)")
                .params(query, filters, actor.id().value(), Timestamp.from(Instant.now(clock))).update();
    }

    public long count(String query) {
        return jdbc.sql("SELECT COUNT(*) FROM search_misses WHERE query = ?").param(query).query(Long.class).single();
    }
}
