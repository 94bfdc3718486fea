package dev.atelier.notification.internal;

import dev.atelier.identity.UserId;
import dev.atelier.notification.EmailDelivery;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code notification_preferences} table: one row per user who chose, and when their last digest went out. */
@Repository
public class Preferences {

    /** A digest reader and the end of the window their last digest covered. */
    public record DigestReader(UserId user, Optional<Instant> lastDigestAt) {
    }

    private final JdbcClient jdbc;

    Preferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public EmailDelivery delivery(UserId user) {
        return jdbc.sql("SELECT email_delivery FROM notification_preferences WHERE user_id = ?").param(user.value())
                .query(String.class).optional().map(EmailDelivery::valueOf).orElse(EmailDelivery.IMMEDIATE);
    }

    /** Stores the choice; {@code digestFrom} starts the next digest's window when the user turns digests on. */
    public void set(UserId user, EmailDelivery delivery, Instant digestFrom) {
        EmailDelivery before = delivery(user);
        if (before == delivery && exists(user)) {
            return;
        }
        Timestamp from = delivery == EmailDelivery.DIGEST ? Timestamp.from(digestFrom) : null;
        int updated = jdbc.sql("UPDATE notification_preferences SET email_delivery = ?, last_digest_at = ? WHERE user_id = ?")
                .params(delivery.name(), from, user.value()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO notification_preferences (user_id, email_delivery, last_digest_at) VALUES (?, ?, ?)")
                    .params(user.value(), delivery.name(), from).update();
        }
    }

    public List<DigestReader> digestReaders() {
        return jdbc.sql("SELECT user_id, last_digest_at FROM notification_preferences WHERE email_delivery = 'DIGEST' ORDER BY user_id")
                .query((rs, n) -> new DigestReader(new UserId(rs.getObject(1, UUID.class)),
                        Optional.ofNullable(rs.getTimestamp(2)).map(Timestamp::toInstant)))
                .list();
    }

    /** Moves the reader's window on, unless another server already did (then nothing is sent twice). */
    public boolean digestSent(DigestReader reader, Instant until) {
        String unchanged = reader.lastDigestAt().isPresent() ? "last_digest_at = ?" : "last_digest_at IS NULL";
        var statement = jdbc.sql("UPDATE notification_preferences SET last_digest_at = ? WHERE user_id = ? AND email_delivery = 'DIGEST' AND "
                + unchanged).param(Timestamp.from(until)).param(reader.user().value());
        if (reader.lastDigestAt().isPresent()) {
            statement = statement.param(Timestamp.from(reader.lastDigestAt().get()));
        }
        return statement.update() == 1;
    }

    private boolean exists(UserId user) {
        return jdbc.sql("SELECT COUNT(*) FROM notification_preferences WHERE user_id = ?").param(user.value()).query(Integer.class).single() > 0;
    }
}
