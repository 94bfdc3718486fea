package dev.atelier.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.atelier.brief.BriefId;
import dev.atelier.brief.BriefStatus;
import dev.atelier.brief.CalendarFixtures;
import dev.atelier.testsupport.BrowserTest;
import dev.atelier.testsupport.UniqueWords;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The calendar in Chromium: a due brief and an overdue milestone in this month, week view, click-through, the feed link. */
class CalendarJourneyTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void showsTheMonthWithADueBriefAndClicksThroughToIt() {
        String k = UniqueWords.next();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        var fixtures = new CalendarFixtures(jdbc);
        var admin = users.findByUsername("admin").orElseThrow().id();
        UUID template = fixtures.template(admin);
        BriefId brief = fixtures.brief(template, admin, "Spring launch " + k, BriefStatus.ACCEPTED, today);
        fixtures.milestone(brief, "plan", 0, "Shoot", today.withDayOfMonth(1).equals(today) ? today : today.minusDays(1));

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1360, 1000))) {
            context.setDefaultTimeout(20_000);
            Page page = context.newPage();
            logIn(page);

            page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                    .getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Calendar")).click();
            var todayCell = page.locator("td[aria-current=date]");
            assertThat(todayCell).hasId("day-" + today);
            assertThat(todayCell).containsText("Spring launch " + k + " — due");
            if (!today.withDayOfMonth(1).equals(today)) {
                assertThat(page.locator("#day-" + today.minusDays(1) + " li.overdue")).containsText("Spring launch " + k + ": Shoot");
            }
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("calendar-month.png")));

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Week").setExact(true)).click();
            assertThat(page.locator("h1")).containsText("Week of");
            assertThat(page.locator("table.calendar tbody tr")).hasCount(1);

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create feed link")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("/calendar/feeds/");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("calendar-feed.png")));

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Spring launch " + k + " — due")).click();
            assertThat(page).hasURL(Pattern.compile(".*/briefs/" + brief + "$"));
        }
    }

    private void logIn(Page page) {
        page.navigate(url("/calendar"));
        page.getByLabel("Username").fill("admin");
        page.getByLabel("Password").fill(ADMIN_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        assertThat(page.locator("h1")).not().hasText("Log in");
    }
}
