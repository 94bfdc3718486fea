package dev.atelier.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.identity.Role;
import dev.atelier.identity.User;
import dev.atelier.notification.EmailDelivery;
import dev.atelier.notification.Notice;
import dev.atelier.notification.NotificationManagement;
import dev.atelier.testsupport.IntegrationTest;
import dev.atelier.testsupport.TestMail;
import dev.atelier.testsupport.UniqueWords;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The daily digest, run with a fixed instant instead of waiting for the clock to reach digest-time. */
class DigestTests extends IntegrationTest {

    @Autowired
    NotificationManagement notifications;

    @Autowired
    Digests digests;

    @Test
    void sendsOneDigestWithEveryNewUnreadNoticeAndNothingWhenNothingIsNew() {
        User ana = withEmail(UniqueWords.next(), Role.REVIEWER);
        notifications.setEmailDelivery(ana.asActor(), EmailDelivery.DIGEST);
        notifications.notify(notice(ana, "Review requested: Spring hero", "/workflows/1"));
        notifications.notify(notice(ana, "Changes requested: Autumn banner", "/workflows/2"));
        notifications.notify(Notice.of(ana.id(), "test.notice", "Started by yourself", "", "/workflows/3", ana.id()));

        Instant first = Instant.now().plusSeconds(1);
        assertThat(digests.send(first)).isPositive();

        TestMail.Mail digest = TestMail.await(ana.email().orElseThrow(), 1).getFirst();
        assertThat(digest.subject()).isEqualTo("[Atelier] 2 new notifications");
        assertThat(digest.text()).contains("Review requested: Spring hero", "http://localhost:8080/workflows/1",
                "Changes requested: Autumn banner", "http://localhost:8080/workflows/2").doesNotContain("Started by yourself");
        assertThat(digest.html()).contains("href=\"http://localhost:8080/workflows/2\"");

        // nothing new since: the next run queues nothing for her
        Instant second = first.plusSeconds(86_400);
        digests.send(second);
        notifications.setEmailDelivery(ana.asActor(), EmailDelivery.IMMEDIATE);
        notifications.notify(notice(ana, "Marker", "/library"));
        assertThat(TestMail.await(ana.email().orElseThrow(), 2)).extracting(TestMail.Mail::subject)
                .containsExactly("[Atelier] 2 new notifications", "[Atelier] Marker");
    }

    @Test
    void leavesOutWhatWasReadOrCameBeforeTheDigestWasChosen() {
        User ben = withEmail(UniqueWords.next(), Role.REVIEWER);
        notifications.notify(notice(ben, "Mailed already", "/library"));
        TestMail.await(ben.email().orElseThrow(), 1);
        notifications.setEmailDelivery(ben.asActor(), EmailDelivery.DIGEST);
        var read = notifications.notify(notice(ben, "Read already", "/library"));
        notifications.markRead(ben.asActor(), read.id());
        notifications.notify(notice(ben, "Still new", "/library"));

        digests.send(Instant.now().plusSeconds(1));

        var mails = TestMail.await(ben.email().orElseThrow(), 2);
        assertThat(mails.get(1).subject()).isEqualTo("[Atelier] 1 new notification");
        assertThat(mails.get(1).text()).contains("Still new").doesNotContain("Read already", "Mailed already");
    }

    private static Notice notice(User to, String title, String link) {
        return new Notice(to.id(), "test.notice", title, "", link, Optional.empty());
    }
}
