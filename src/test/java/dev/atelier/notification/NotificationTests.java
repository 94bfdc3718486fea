package dev.atelier.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import dev.atelier.identity.User;
import dev.atelier.identity.UserId;
import dev.atelier.testsupport.IntegrationTest;
import dev.atelier.testsupport.TestMail;
import dev.atelier.testsupport.UniqueWords;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Notices stored with the caller's change and mailed after it commits, through the real SMTP path into GreenMail. */
class NotificationTests extends IntegrationTest {

    @Autowired
    NotificationManagement notifications;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void mailsTheNoticeWithItsTextAndAnAbsoluteLinkToTheItem() {
        Person ana = person();
        UserId boss = person().id();

        notifications.notify(Notice.of(ana.id(), "workflow.review-requested", "Review requested: Spring hero",
                "Brand stage, due Friday.", "/workflows/42?stage=brand", boss));

        TestMail.Mail mail = TestMail.await(ana.email(), 1).getFirst();
        assertThat(mail.subject()).isEqualTo("[Atelier] Review requested: Spring hero");
        assertThat(mail.from()).isEqualTo("atelier@localhost");
        assertThat(mail.text()).contains("Review requested: Spring hero", "Brand stage, due Friday.",
                "Open: http://localhost:8080/workflows/42?stage=brand", "http://localhost:8080/notifications");
        assertThat(mail.html()).contains("href=\"http://localhost:8080/workflows/42?stage=brand\"", "Brand stage, due Friday.");
    }

    @Test
    void storesTheNoticeWithTheChangeAndRollsItAndItsMailBackWithIt() {
        Person ben = person();

        Notification dropped = transactions.execute(status -> {
            Notification n = notifications.notify(notice(ben.id(), "Rolled back"));
            assertThat(notifications.unreadCount(ben.actor())).isOne();
            status.setRollbackOnly();
            return n;
        });

        assertThat(notifications.unreadCount(ben.actor())).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM scheduled_tasks WHERE task_instance = ?").param("notice-" + dropped.id())
                .query(Integer.class).single()).isZero();
        notifications.notify(notice(ben.id(), "Committed"));
        assertThat(TestMail.await(ben.email(), 1)).extracting(TestMail.Mail::subject).containsExactly("[Atelier] Committed");
    }

    @Test
    void neverMailsTheActorAboutTheirOwnActionButKeepsItInTheApp() {
        Person cat = person();

        notifications.notify(Notice.of(cat.id(), "workflow.started", "You started a review", "", "/workflows/1", cat.id()));
        notifications.notify(notice(cat.id(), "Marker"));

        // the marker's mail arriving alone proves the first was never queued: nothing was scheduled for it
        assertThat(TestMail.await(cat.email(), 1)).extracting(TestMail.Mail::subject).containsExactly("[Atelier] Marker");
        assertThat(notifications.unreadCount(cat.actor())).isEqualTo(2);
    }

    @Test
    void mailsNothingWhenTheRecipientChoseNoMail() {
        Person dan = person();
        notifications.setEmailDelivery(dan.actor(), EmailDelivery.NONE);

        notifications.notify(notice(dan.id(), "Quiet"));
        assertThat(notifications.unreadCount(dan.actor())).isOne();

        notifications.setEmailDelivery(dan.actor(), EmailDelivery.IMMEDIATE);
        notifications.notify(notice(dan.id(), "Marker"));
        assertThat(TestMail.await(dan.email(), 1)).extracting(TestMail.Mail::subject).containsExactly("[Atelier] Marker");
    }

    @Test
    void mailsEveryNoticeOfABatchAndStoresThemTogether() {
        Person eve = person();

        notifications.notifyAll(java.util.List.of(notice(eve.id(), "First"), notice(eve.id(), "Second")));

        assertThat(TestMail.await(eve.email(), 2)).extracting(TestMail.Mail::subject)
                .containsExactlyInAnyOrder("[Atelier] First", "[Atelier] Second");
    }

    private static Notice notice(UserId to, String title) {
        return new Notice(to, "test.notice", title, "", "/library", Optional.empty());
    }

    /** A new user with a unique e-mail address. */
    private Person person() {
        User user = withEmail(UniqueWords.next(), Role.REVIEWER);
        return new Person(user.id(), user.email().orElseThrow(), user.asActor());
    }

    record Person(UserId id, String email, Actor actor) {
    }
}
