package dev.atelier.notification.internal;

import dev.atelier.identity.UserId;
import dev.atelier.notification.Notification;
import dev.atelier.notification.NotificationId;
import dev.atelier.shared.Cursor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code notifications} table; every query is scoped to one recipient. */
@Repository
public class Notifications {

    private final JdbcClient jdbc;

    Notifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Notification n) {
        jdbc.sql("""
                INSERT INTO notifications (id, recipient_id, kind, title, body, link, actor_id, created_at, read_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(n.id().value(), n.recipient().value(), n.kind(), n.title(), n.body(), n.link(),
                        n.actor().map(UserId::value).orElse(null), Timestamp.from(n.createdAt()), n.readAt().map(Timestamp::from).orElse(null))
                .update();
    }

    public Optional<Notification> find(UserId recipient, NotificationId id) {
        return jdbc.sql("SELECT * FROM notifications WHERE id = ? AND recipient_id = ?").params(id.value(), recipient.value())
                .query(Notifications::map).optional();
    }

    /** Newest first, after the cursor; {@code limit} rows at most. */
    public List<Notification> page(UserId recipient, Optional<Cursor> after, int limit) {
        var statement = jdbc.sql("SELECT * FROM notifications WHERE recipient_id = :recipient"
                        + after.map(c -> " AND (created_at < :at OR (created_at = :at AND id < :id))").orElse("")
                        + " ORDER BY created_at DESC, id DESC FETCH FIRST :limit ROWS ONLY")
                .param("recipient", recipient.value()).param("limit", limit);
        if (after.isPresent()) {
            statement = statement.param("at", Timestamp.from(after.get().at())).param("id", after.get().id());
        }
        return statement.query(Notifications::map).list();
    }

    public int unreadCount(UserId recipient) {
        return jdbc.sql("SELECT COUNT(*) FROM notifications WHERE recipient_id = ? AND read_at IS NULL").param(recipient.value())
                .query(Integer.class).single();
    }

    /** @return whether it was unread */
    public boolean markRead(UserId recipient, NotificationId id, Instant at) {
        return jdbc.sql("UPDATE notifications SET read_at = ? WHERE id = ? AND recipient_id = ? AND read_at IS NULL")
                .params(Timestamp.from(at), id.value(), recipient.value()).update() > 0;
    }

    /** @return how many were unread */
    public int markAllRead(UserId recipient, Instant at) {
        return jdbc.sql("UPDATE notifications SET read_at = ? WHERE recipient_id = ? AND read_at IS NULL")
                .params(Timestamp.from(at), recipient.value()).update();
    }

    /** Unread notices created in ({@code since}, {@code until}], oldest first, leaving out what the recipient did themselves. */
    public List<Notification> unreadForDigest(UserId recipient, Optional<Instant> since, Instant until) {
        return jdbc.sql("""
                SELECT * FROM notifications WHERE recipient_id = :recipient AND read_at IS NULL AND created_at <= :until
                AND created_at > :since AND (actor_id IS NULL OR actor_id <> recipient_id) ORDER BY created_at, id""")
                .param("recipient", recipient.value()).param("until", Timestamp.from(until))
                .param("since", Timestamp.from(since.orElse(Instant.EPOCH))).query(Notifications::map).list();
    }

    static Notification map(ResultSet rs, int row) throws SQLException {
        Timestamp readAt = rs.getTimestamp("read_at");
        UUID actor = rs.getObject("actor_id", UUID.class);
        return new Notification(new NotificationId(rs.getObject("id", UUID.class)), new UserId(rs.getObject("recipient_id", UUID.class)),
                rs.getString("kind"), rs.getString("title"), rs.getString("body"), rs.getString("link"),
                Optional.ofNullable(actor).map(UserId::new), rs.getTimestamp("created_at").toInstant(),
                Optional.ofNullable(readAt).map(Timestamp::toInstant));
    }
}
