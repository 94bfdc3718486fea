package dev.atelier.brief.internal;

import dev.atelier.identity.UserId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code calendar_feeds} table: one feed per user, its token only ever stored as SHA-256. */
@Repository
public class CalendarFeeds {

    private final JdbcClient jdbc;

    CalendarFeeds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the user's feed, if any: the old token stops working in the same transaction. */
    public void replace(UserId user, String token, Instant at) {
        delete(user);
        jdbc.sql("INSERT INTO calendar_feeds (user_id, token_hash, created_at) VALUES (?, ?, ?)")
                .params(user.value(), hash(token), Timestamp.from(at)).update();
    }

    public boolean delete(UserId user) {
        return jdbc.sql("DELETE FROM calendar_feeds WHERE user_id = ?").param(user.value()).update() > 0;
    }

    public Optional<Instant> createdAt(UserId user) {
        return jdbc.sql("SELECT created_at FROM calendar_feeds WHERE user_id = ?").param(user.value())
                .query((rs, row) -> rs.getTimestamp("created_at").toInstant()).optional();
    }

    /** The enabled user whose feed the token opens. */
    public Optional<UserId> findUser(String token) {
        return jdbc.sql("""
                        SELECT f.user_id FROM calendar_feeds f JOIN users u ON u.id = f.user_id
                        WHERE f.token_hash = ? AND u.enabled = TRUE""")
                .param(hash(token)).query((rs, row) -> new UserId(rs.getObject("user_id", UUID.class))).optional();
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
