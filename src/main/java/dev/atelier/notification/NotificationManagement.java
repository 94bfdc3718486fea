package dev.atelier.notification;

import dev.atelier.identity.Actor;
import dev.atelier.identity.User;
import dev.atelier.identity.UserManagement;
import dev.atelier.notification.internal.MailComposer;
import dev.atelier.notification.internal.MailOutbox;
import dev.atelier.notification.internal.Notifications;
import dev.atelier.notification.internal.Preferences;
import dev.atelier.shared.Cursor;
import dev.atelier.shared.Ids;
import dev.atelier.shared.NotFoundException;
import dev.atelier.shared.Page;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notifying people, and their inbox. Other modules call {@link #notify} or {@link #notifyAll} inside
 * their own transaction: the notice is stored with their change (and rolled back with it), and its
 * mail, when the recipient wants one now, is a durable job that runs after the commit, outside any
 * transaction, retried while the SMTP server fails; a mail failure never undoes the change.
 */
@Service
public class NotificationManagement {

    private static final int MAX_PAGE = 100;

    private final Notifications notifications;
    private final Preferences preferences;
    private final UserManagement users;
    private final MailComposer composer;
    private final MailOutbox outbox;
    private final Clock clock;

    NotificationManagement(Notifications notifications, Preferences preferences, UserManagement users, MailComposer composer,
            MailOutbox outbox, Clock clock) {
        this.notifications = notifications;
        this.preferences = preferences;
        this.users = users;
        this.composer = composer;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Stores the notice for its recipient and, when they want mail immediately, have an address and
     * are not the notice's actor, queues one mail linking to it. Joins the caller's transaction.
     *
     * @return the stored notification
     * @throws NotFoundException when the recipient does not exist
     */
    @Transactional
    public Notification notify(Notice notice) {
        User recipient = users.get(notice.recipient());
        Notification n = new Notification(new NotificationId(Ids.uuidV7(clock)), notice.recipient(), notice.kind(), notice.title(),
                notice.body(), notice.link(), notice.actor(), now(), Optional.empty());
        notifications.insert(n);
        if (!notice.bySelf() && recipient.enabled() && preferences.delivery(recipient.id()) == EmailDelivery.IMMEDIATE) {
            recipient.email().ifPresent(to -> outbox.enqueue("notice-" + n.id(), composer.notice(to, n)));
        }
        return n;
    }

    /** {@link #notify} for each notice, in one transaction: all are stored or none. */
    @Transactional
    public List<Notification> notifyAll(List<Notice> notices) {
        return notices.stream().map(this::notify).toList();
    }

    /** The actor's notifications, newest first; {@code limit} is held to 1..100. */
    @Transactional(readOnly = true)
    public Page<Notification> list(Actor actor, Optional<Cursor> after, int limit) {
        int size = Math.clamp(limit, 1, MAX_PAGE);
        return Page.of(notifications.page(actor.id(), after, size + 1), size, n -> new Cursor(n.createdAt(), n.id().value()).encode());
    }

    @Transactional(readOnly = true)
    public int unreadCount(Actor actor) {
        return notifications.unreadCount(actor.id());
    }

    /**
     * Marks one of the actor's notifications read (again is fine) and returns it, for following its link.
     *
     * @throws NotFoundException when it is not the actor's
     */
    @Transactional
    public Notification markRead(Actor actor, NotificationId id) {
        Notification n = notifications.find(actor.id(), id).orElseThrow(() -> new NotFoundException("notification " + id));
        if (!n.unread()) {
            return n;
        }
        Instant now = now();
        notifications.markRead(actor.id(), id, now);
        return new Notification(n.id(), n.recipient(), n.kind(), n.title(), n.body(), n.link(), n.actor(), n.createdAt(), Optional.of(now));
    }

    /** @return how many were unread */
    @Transactional
    public int markAllRead(Actor actor) {
        return notifications.markAllRead(actor.id(), now());
    }

    @Transactional(readOnly = true)
    public EmailDelivery emailDelivery(Actor actor) {
        return preferences.delivery(actor.id());
    }

    /** Sets how the actor gets mail; choosing the digest starts its window now, so it never repeats older mails. */
    @Transactional
    public void setEmailDelivery(Actor actor, EmailDelivery delivery) {
        preferences.set(actor.id(), delivery, now());
    }

    /** Whether this server mails notifications at all ({@code atelier.notification.mail-enabled}). */
    public boolean mailEnabled() {
        return outbox.enabled();
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
