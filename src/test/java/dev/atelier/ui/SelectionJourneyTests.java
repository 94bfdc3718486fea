package dev.atelier.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import dev.atelier.testsupport.BrowserTest;
import dev.atelier.testsupport.Multipart;
import dev.atelier.testsupport.UniqueWords;
import org.junit.jupiter.api.Test;

/** Assets picked by hand in the library, put into a collection and sent into review together. */
class SelectionJourneyTests extends BrowserTest {

    @Test
    void picksAssetsThenAddsThemToACollectionAndStartsTheirReview() {
        String k = UniqueWords.next();
        for (int i = 0; i < 3; i++) {
            admin().upload("/api/v1/assets", Multipart.file("sel-" + i + ".txt", null, (k + " " + i).getBytes()).field("title", "Sel " + k + " " + i));
        }
        String collection = admin().json("POST", "/api/v1/collections", "{\"name\":\"Picked " + k + "\"}").json().get("id").asString();
        as("rita-" + k, dev.atelier.identity.Role.REVIEWER);
        admin().body("POST", "/api/v1/workflow-templates", "application/yaml",
                "name: Quick " + k + "\nstages:\n  - key: brand\n    reviewers: { users: [rita-" + k + "] }\n");

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1360, 900))) {
            context.setDefaultTimeout(20_000);
            Page page = context.newPage();
            logInAsAdmin(page);
            dev.atelier.testsupport.AutoTags.awaitSearch(admin(), k, 3);
            page.navigate(url("/library?q=" + k));
            assertThat(page.locator("#results .card")).hasCount(3);
            page.getByLabel("Select Sel " + k + " 0").check();
            page.getByLabel("Select Sel " + k + " 2").check();
            Locator bar = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Selection"));
            assertThat(bar).containsText("2 selected");

            bar.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add to collection")).click();
            assertThat(page.locator("h1")).hasText("Add 2 selected assets to a collection");
            page.getByLabel("Collection").selectOption(new SelectOption().setLabel("Picked " + k));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add")).click();
            assertThat(page).hasURL(java.util.regex.Pattern.compile("collection=" + collection));
            assertThat(page.locator("#results .card")).hasCount(2);
            assertThat(bar).containsText("No assets selected");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Select all on this page")).click();
            assertThat(bar).containsText("2 selected");
            bar.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Start review")).click();
            assertThat(page.locator("h1")).hasText("Start a review of 2 selected assets");
            page.getByLabel("Workflow").selectOption(new SelectOption().setLabel("Quick " + k));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start")).click();

            assertThat(page).hasURL(java.util.regex.Pattern.compile("/my-work"));
            // the index follows after commit
            dev.atelier.testsupport.Poll.until(() -> admin().get("/api/v1/search?q=" + k + "%20status:in-review").json().get("total").asLong(),
                    total -> total == 2, java.time.Duration.ofSeconds(10));
            page.navigate(url("/library?q=" + k));
            assertThat(page.locator("#results .card .badge.review")).hasCount(2);
            assertThat(page.locator("#results .card .badge.review").first()).hasText("In review");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("selection-review.png")));
        }
    }
}
