package dev.atelier.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.atelier.brief.BoardFixtures;
import dev.atelier.brief.BriefId;
import dev.atelier.testsupport.BrowserTest;
import dev.atelier.testsupport.UniqueWords;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** The board in Chromium: a submitted brief's card, dragged to the next column, stays there after a reload; a full column refuses. */
class BoardJourneyTests extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void dragsACardToTheNextColumnAndItStaysThereAfterAReload() {
        String name = "Launch " + UniqueWords.next();
        var created = admin().json("POST", "/api/v1/boards", "{\"name\":\"" + name + "\"}").json();
        UUID board = UUID.fromString(created.get("id").asString());
        String review = created.get("columns").get(2).get("id").asString();
        var briefs = new BoardFixtures(jdbc, events, transactions, users.findByUsername("admin").orElseThrow().id());
        BriefId poster = briefs.submitted(board, "Spring poster", LocalDate.now().minusDays(2));
        briefs.submitted(board, "Newsletter", null);
        admin().json("PUT", "/api/v1/boards/" + board + "/columns/" + review + "/wip-limit", "{\"limit\":1}");

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1360, 900))) {
            context.setDefaultTimeout(20_000);
            Page page = context.newPage();
            logInAsAdmin(page);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Boards")).click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name)).click();
            Locator intake = lane(page, "Intake");
            Locator inProgress = lane(page, "In progress");
            assertThat(intake.locator(".board-card")).hasCount(2);
            assertThat(card(page, poster)).containsText("Overdue");

            page.locator("html[data-board-ready]").waitFor();
            card(page, poster).dragTo(inProgress.locator(".lane-cards"));

            assertThat(inProgress.locator(".board-card")).hasCount(1);
            assertThat(inProgress.locator(".wip")).hasText("1");
            page.reload();
            assertThat(lane(page, "In progress").locator(".board-card")).containsText(new String[] {"Spring poster"});
            assertThat(lane(page, "Intake").locator(".board-card")).hasCount(1);
            page.locator("html[data-board-ready]").waitFor();

            card(page, poster).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Move Spring poster to In review")).click();
            assertThat(lane(page, "In review").locator(".wip")).hasText("1 / 1");
            lane(page, "Intake").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Move Newsletter to In progress")).click();
            assertThat(lane(page, "In progress").locator(".board-card")).hasCount(1);
            lane(page, "In progress").locator(".board-card").dragTo(lane(page, "In review").locator(".lane-cards"));
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("\"In review\" already holds 1 card, its limit.");
            assertThat(lane(page, "In progress").locator(".board-card")).containsText(new String[] {"Newsletter"});
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("board.png")).setFullPage(true));
        }
    }

    private static Locator lane(Page page, String column) {
        return page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName(column).setExact(true));
    }

    private static Locator card(Page page, BriefId brief) {
        return page.locator(".board-card[data-brief='" + brief + "']");
    }

}
