package dev.atelier.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.identity.Role;
import dev.atelier.identity.User;
import dev.atelier.identity.UserId;
import dev.atelier.identity.internal.Users;
import dev.atelier.notification.EmailDelivery;
import dev.atelier.notification.Notification;
import dev.atelier.notification.NotificationId;
import dev.atelier.shared.Cursor;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;

/** The notifications and preferences tables, run on H2 and on PostgreSQL by the subclasses. */
@JdbcTest
@Import({Notifications.class, Preferences.class, Users.class})
abstract class NotificationRepositoryTests {

    static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");

    @Autowired
    Notifications notifications;

    @Autowired
    Preferences preferences;

    @Autowired
    Users users;

    @Test
    void pagesARecipientsNotificationsNewestFirst() {
        UserId ana = user("ana");
        UserId ben = user("ben");
        Notification a = insert(ana, "a", T0, Optional.empty());
        Notification b = insert(ana, "b", T0.plusSeconds(1), Optional.empty());
        Notification c = insert(ana, "c", T0.plusSeconds(2), Optional.empty());
        insert(ben, "not hers", T0.plusSeconds(3), Optional.empty());

        assertThat(notifications.page(ana, Optional.empty(), 2)).containsExactly(c, b);
        assertThat(notifications.page(ana, Optional.of(new Cursor(b.createdAt(), b.id().value())), 2)).containsExactly(a);
        assertThat(notifications.find(ben, a.id())).isEmpty();
    }

    @Test
    void countsAndMarksOnlyTheRecipientsUnreadOnes() {
        UserId ana = user("ana");
        UserId ben = user("ben");
        Notification a = insert(ana, "a", T0, Optional.empty());
        insert(ana, "b", T0, Optional.empty());

        assertThat(notifications.markRead(ben, a.id(), T0)).isFalse();
        assertThat(notifications.markRead(ana, a.id(), T0.plusSeconds(5))).isTrue();
        assertThat(notifications.markRead(ana, a.id(), T0.plusSeconds(6))).isFalse();
        assertThat(notifications.find(ana, a.id()).orElseThrow().readAt()).contains(T0.plusSeconds(5));
        assertThat(notifications.unreadCount(ana)).isOne();
        assertThat(notifications.markAllRead(ana, T0)).isOne();
        assertThat(notifications.unreadCount(ana)).isZero();
    }

    @Test
    void selectsADigestWindowOfUnreadNoticesOthersCaused() {
        UserId ana = user("ana");
        UserId ben = user("ben");
        insert(ana, "before", T0, Optional.of(ben));
        Notification inside = insert(ana, "inside", T0.plusSeconds(10), Optional.of(ben));
        insert(ana, "by herself", T0.plusSeconds(11), Optional.of(ana));
        Notification read = insert(ana, "read", T0.plusSeconds(12), Optional.empty());
        notifications.markRead(ana, read.id(), T0.plusSeconds(13));
        insert(ana, "after", T0.plusSeconds(30), Optional.empty());

        assertThat(notifications.unreadForDigest(ana, Optional.of(T0), T0.plusSeconds(20))).containsExactly(inside);
        assertThat(notifications.unreadForDigest(ana, Optional.empty(), T0.plusSeconds(20))).extracting(Notification::title)
                .containsExactly("before", "inside");
    }

    @Test
    void keepsEachUsersChoiceAndMovesTheDigestWindowOnce() {
        UserId ana = user("ana");
        assertThat(preferences.delivery(ana)).isEqualTo(EmailDelivery.IMMEDIATE);

        preferences.set(ana, EmailDelivery.DIGEST, T0);
        preferences.set(ana, EmailDelivery.DIGEST, T0.plusSeconds(99));
        assertThat(preferences.delivery(ana)).isEqualTo(EmailDelivery.DIGEST);
        var reader = preferences.digestReaders().stream().filter(r -> r.user().equals(ana)).findFirst().orElseThrow();
        assertThat(reader.lastDigestAt()).contains(T0);

        assertThat(preferences.digestSent(reader, T0.plusSeconds(60))).isTrue();
        assertThat(preferences.digestSent(reader, T0.plusSeconds(60))).as("a second server with the old window").isFalse();

        preferences.set(ana, EmailDelivery.NONE, T0);
        assertThat(preferences.delivery(ana)).isEqualTo(EmailDelivery.NONE);
        assertThat(preferences.digestReaders()).noneMatch(r -> r.user().equals(ana));
    }

    private Notification insert(UserId to, String title, Instant at, Optional<UserId> actor) {
        Notification n = new Notification(new NotificationId(UUID.randomUUID()), to, "test", title, "body", "/library", actor, at,
                Optional.empty());
        notifications.insert(n);
        return n;
    }

    private UserId user(String name) {
        UserId id = new UserId(UUID.randomUUID());
        users.insert(new User(id, name + id.value().toString().substring(0, 8), name, Role.VIEWER, true, T0), "x");
        return id;
    }
}
