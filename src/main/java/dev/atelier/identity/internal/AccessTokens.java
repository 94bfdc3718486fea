package dev.atelier.identity.internal;

import dev.atelier.identity.AccessToken;
import dev.atelier.identity.User;
import dev.atelier.identity.UserId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code access_tokens} table; secrets are only ever stored as SHA-256. */
@Repository
public class AccessTokens {

    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    /**
     * When this server last wrote a token's last-used time, by secret hash: a script calling the
     * API many times a minute costs one UPDATE a minute, not a statement per request. Holds only
     * tokens written within the last minute: older entries are dropped whenever one is written.
     */
    private final ConcurrentMap<String, Instant> lastUsedWritten = new ConcurrentHashMap<>();

    AccessTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public void insert(UserId owner, AccessToken token, String secretHash) {
        jdbc.sql("""
                INSERT INTO access_tokens (id, user_id, name, prefix, secret_hash, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(token.id(), owner.value(), token.name(), token.prefix(), secretHash, Timestamp.from(token.createdAt()),
                        token.expiresAt().map(Timestamp::from).orElse(null))
                .update();
    }

    public List<AccessToken> findByOwner(UserId owner) {
        return jdbc.sql("SELECT * FROM access_tokens WHERE user_id = ? ORDER BY created_at DESC").param(owner.value())
                .query(AccessTokens::map).list();
    }

    public int delete(UserId owner, UUID id) {
        return jdbc.sql("DELETE FROM access_tokens WHERE user_id = ? AND id = ?").params(owner.value(), id).update();
    }

    public Optional<User> findUserBySecret(String secret, Instant now) {
        String hash = hash(secret);
        Optional<User> user = jdbc.sql("""
                SELECT u.id, u.username, u.display_name, u.role, u.enabled, u.created_at, u.email
                FROM access_tokens t JOIN users u ON u.id = t.user_id
                WHERE t.secret_hash = ? AND u.enabled = TRUE AND (t.expires_at IS NULL OR t.expires_at > ?)""")
                .params(hash, Timestamp.from(now)).query(Users::map).optional();
        user.ifPresent(u -> touch(hash, now));
        return user;
    }

    /**
     * Last-used is informative: minute precision, written at most once a minute per token by this
     * server, and the WHERE keeps servers sharing the database from writing it more often either.
     */
    private void touch(String hash, Instant now) {
        Instant minuteAgo = now.minus(LAST_USED_PRECISION);
        Instant written = lastUsedWritten.get(hash);
        if (written != null && written.isAfter(minuteAgo)) {
            return;
        }
        jdbc.sql("""
                UPDATE access_tokens SET last_used_at = ?
                WHERE secret_hash = ? AND (last_used_at IS NULL OR last_used_at < ?)""")
                .params(Timestamp.from(now), hash, Timestamp.from(minuteAgo)).update();
        lastUsedWritten.put(hash, now);
        lastUsedWritten.values().removeIf(at -> !at.isAfter(minuteAgo));
    }

    private static AccessToken map(ResultSet rs, int row) throws SQLException {
        return new AccessToken(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("prefix"),
                rs.getTimestamp("created_at").toInstant(), Optional.ofNullable(rs.getTimestamp("expires_at")).map(Timestamp::toInstant),
                Optional.ofNullable(rs.getTimestamp("last_used_at")).map(Timestamp::toInstant));
    }
}
