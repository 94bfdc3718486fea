package dev.atelier.notification.internal;

import dev.atelier.identity.User;
import dev.atelier.identity.UserManagement;
import dev.atelier.notification.Notification;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily digest: for each user who chose it, one mail listing their unread notifications since
 * their last digest, and nothing when there is nothing new. Each reader is one transaction that
 * queues the mail and moves their window on together, so a crash neither loses nor repeats a digest.
 */
@Component
public class Digests {

    private static final Logger log = LoggerFactory.getLogger(Digests.class);

    private final Preferences preferences;
    private final Notifications notifications;
    private final UserManagement users;
    private final MailComposer composer;
    private final MailOutbox outbox;
    private final TransactionTemplate transactions;

    Digests(Preferences preferences, Notifications notifications, UserManagement users, MailComposer composer, MailOutbox outbox,
            TransactionTemplate transactions) {
        this.preferences = preferences;
        this.notifications = notifications;
        this.users = users;
        this.composer = composer;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    /** Queues the digests due at {@code now}; @return how many were queued */
    public int send(Instant now) {
        if (!outbox.enabled()) {
            return 0;
        }
        int sent = 0;
        for (Preferences.DigestReader reader : preferences.digestReaders()) {
            Boolean queued = transactions.execute(status -> sendTo(reader, now));
            sent += Boolean.TRUE.equals(queued) ? 1 : 0;
        }
        if (sent > 0) {
            log.info("Queued {} notification digests", sent);
        }
        return sent;
    }

    private boolean sendTo(Preferences.DigestReader reader, Instant now) {
        Optional<String> address = users.find(reader.user()).filter(User::enabled).flatMap(User::email);
        List<Notification> unread = notifications.unreadForDigest(reader.user(), reader.lastDigestAt(), now);
        if (address.isEmpty() || unread.isEmpty() || !preferences.digestSent(reader, now)) {
            return false;
        }
        outbox.enqueue("digest-" + reader.user() + "-" + now.toEpochMilli(), composer.digest(address.get(), unread));
        return true;
    }
}
