package dev.atelier.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.atelier.identity.Role;
import dev.atelier.identity.User;
import dev.atelier.notification.EmailDelivery;
import dev.atelier.notification.Notice;
import dev.atelier.notification.NotificationManagement;
import dev.atelier.testsupport.BrowserTest;
import dev.atelier.testsupport.UniqueWords;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The bell and the Notifications page in Chromium: the unread count, the list, opening a notice, choosing the digest. */
class NotificationJourneyTests extends BrowserTest {

    @Autowired
    NotificationManagement notifications;

    @Test
    void showsTheUnreadCountOnTheBellAndOpensANoticeWhereItPoints() {
        User nora = withEmail(UniqueWords.next(), Role.REVIEWER);
        var admin = users.findByUsername("admin").orElseThrow().id();
        notifications.notify(Notice.of(nora.id(), "workflow.review-requested", "Review requested: Spring hero",
                "Brand stage, due Friday.", "/my-work", admin));
        notifications.notify(Notice.of(nora.id(), "workflow.decided", "Legal approved Autumn banner", "", "/library", admin));

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1360, 900))) {
            context.setDefaultTimeout(20_000);
            Page page = context.newPage();
            logIn(page, nora.username());

            var bell = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Notifications"));
            assertThat(bell.locator(".bell-count")).hasText("2");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("notification-bell.png")));

            bell.click();
            var list = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Notifications"));
            assertThat(list.locator("li.unread")).hasCount(2);
            assertThat(list.locator("li").first()).containsText("Legal approved Autumn banner");
            assertThat(list.locator("li").nth(1)).containsText("Brand stage, due Friday.");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("notifications-page.png")).setFullPage(true));

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Review requested: Spring hero")).click();
            assertThat(page).hasURL(Pattern.compile(".*/my-work$"));
            assertThat(bell.locator(".bell-count")).hasText("1");

            page.navigate(url("/notifications"));
            page.getByLabel(Pattern.compile("once a day")).check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).hasText("Saved.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark all read")).click();
            assertThat(page.locator("li.unread")).hasCount(0);
            assertThat(bell.locator(".bell-count")).hasCount(0);
        }
        org.assertj.core.api.Assertions.assertThat(notifications.emailDelivery(nora.asActor())).isEqualTo(EmailDelivery.DIGEST);
    }

    private void logIn(Page page, String username) {
        page.navigate(url("/library"));
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        assertThat(page.locator("h1")).not().hasText("Log in");
    }
}
