package dev.atelier.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import dev.atelier.testsupport.BrowserTest;
import dev.atelier.testsupport.TestImages;
import java.awt.Color;
import dev.atelier.testsupport.UniqueWords;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Planning in Chromium: an admin builds a brief template, a brief with a missing required field
 * is refused with the reason beside the field, the completed brief is submitted, its card is
 * dragged to the next column of its board and stays there after a reload, and the calendar shows
 * its due date and milestone and leads back to it. A draft uploaded on the brief's page is linked both ways.
 */
class BriefJourneyTests extends BrowserTest {

    @Test
    void buildsATemplateThenWritesAndSubmitsABrief() {
        String k = UniqueWords.next();
        String board = admin().json("POST", "/api/v1/boards", "{\"name\":\"Campaigns " + k + "\"}").json().get("id").asString();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1360, 1000))) {
            context.setDefaultTimeout(20_000);
            Page page = context.newPage();
            logInAsAdmin(page);

            page.navigate(url("/admin/brief-templates/new"));
            page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Campaign " + k);
            addField(page, 0, "Goals", "goals", "long-text", true);
            addField(page, 1, "Budget", "budget", "money", true);
            addField(page, 2, "Milestones", "plan", "milestones", false);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save template")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).hasText("Template saved.");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("brief-template.png")).setFullPage(true));

            page.navigate(url("/briefs/new"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Campaign " + k)).click();
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("brief-new.png")).setFullPage(true));
            page.getByLabel("Title").fill("Spring launch " + k);
            page.getByLabel("Board").selectOption(new SelectOption().setLabel("Campaigns " + k));
            page.getByLabel("Budget", new Page.GetByLabelOptions().setExact(true)).fill("12500");
            page.getByLabel("Budget currency").fill("EUR");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit brief")).click();

            assertThat(page.getByRole(AriaRole.ALERT)).containsText("cannot be submitted yet");
            assertThat(page.locator("[data-field=goals] .field-error")).hasText("Goals is required.");
            assertThat(page.getByLabel("Budget", new Page.GetByLabelOptions().setExact(true))).hasValue("12500");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("brief-incomplete.png")).setFullPage(true));

            page.getByLabel("Goals").fill("Twice the sign-ups of last spring");
            page.getByLabel("Due date").fill("2031-04-30");
            page.getByLabel("Milestones name").fill("Shoot");
            page.getByLabel("Milestones date").fill("2031-04-01");
            page.locator("#b-criteria").fill("Logo visible in the first 3 seconds\nUnder 30 seconds");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit brief")).click();

            assertThat(page.locator("[data-status]")).hasText("Submitted");
            assertThat(page.locator("dd[data-field=plan]")).containsText("2031-04-01 · Shoot");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("brief-submitted.png")).setFullPage(true));
            String brief = page.url().replaceAll(".*/briefs/([^?#]+).*", "$1");

            page.locator("[data-upload-drafts]").setInputFiles(new FilePayload("key-visual-" + k + ".png", "image/png",
                    TestImages.png(320, 200, Color.ORANGE)));
            assertThat(page.locator(".linked li[data-role=draft]")).containsText("key-visual-" + k);
            page.locator(".linked li[data-role=draft] a").first().click();
            assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Briefs"))).containsText("Spring launch " + k);

            page.navigate(url("/boards/" + board));
            Locator card = page.locator(".board-card[data-brief='" + brief + "']");
            assertThat(lane(page, "Intake").locator(".board-card")).containsText(new String[] {"Spring launch " + k});
            page.locator("html[data-board-ready]").waitFor();
            card.dragTo(lane(page, "In progress").locator(".lane-cards"));
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("brief-board.png")).setFullPage(true));
            assertThat(lane(page, "In progress").locator(".board-card")).containsText(new String[] {"Spring launch " + k});
            page.reload();
            assertThat(lane(page, "In progress").locator(".board-card")).containsText(new String[] {"Spring launch " + k});
            assertThat(lane(page, "Intake").locator(".board-card")).hasCount(0);

            page.navigate(url("/calendar?view=month&date=2031-04-30"));
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Spring launch " + k + ": Shoot"))).isVisible();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("Spring launch " + k + " . due"))).click();
            assertThat(page).hasURL(Pattern.compile(".*/briefs/" + brief));
        }
    }

    private static void addField(Page page, int index, String label, String key, String type, boolean required) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("+ Add field")).click();
        Locator row = page.locator(".field-row").nth(index);
        row.locator("[data-part=label]").fill(label);
        row.locator("[data-part=key]").fill(key);
        row.locator("[data-part=type]").selectOption(type);
        if (required) {
            row.locator("[data-part=required]").check();
        }
    }

    private static Locator lane(Page page, String column) {
        return page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName(column).setExact(true));
    }

}
