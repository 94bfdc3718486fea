package dev.atelier.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.atelier.testsupport.AutoTags;
import dev.atelier.testsupport.BrowserTest;
import dev.atelier.testsupport.Multipart;
import dev.atelier.testsupport.TestDocuments;
import dev.atelier.testsupport.TestImages;
import dev.atelier.testsupport.UniqueWords;
import java.awt.Color;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Finding things in real Chromium: type, narrow by a facet, open, edit, find again by the new words. */
class SearchJourneyTests extends BrowserTest {

    @Test
    void searchesNarrowsByAFacetEditsAndFindsTheAssetByItsNewDescription() {
        String tag = UniqueWords.next();
        String word = UniqueWords.next();
        upload("Harbour " + tag, "harbour.jpg", TestImages.jpeg(320, 200, new Color(0x2b6cb0)));
        upload("Sunset " + tag, "sunset.png", TestImages.png(320, 200, new Color(0xdd6b20)));
        upload("Brief " + tag, "brief.pdf", TestDocuments.pdf(1, 300, 400));
        AutoTags.awaitSearch(admin(), tag, 3);

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1360, 900))) {
            context.setDefaultTimeout(20_000);
            Page page = context.newPage();
            logIn(page);

            page.getByLabel("Search the library").fill(tag);
            assertThat(page.locator("#results .card")).hasCount(3);
            assertThat(page).hasURL(Pattern.compile("/library\\?q=" + tag + "$"));

            page.locator(".facet[data-facet=type] a", new Page.LocatorOptions().setHasText("Image")).click();
            assertThat(page.locator("#results .card")).hasCount(2);
            assertThat(page).hasURL(Pattern.compile("type=image"));
            assertThat(page.locator(".facet[data-facet=type] a[aria-pressed=true]")).hasText(Pattern.compile("Image\\s*2"));
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("search-facet.png")));

            page.locator("#results .card", new Page.LocatorOptions().setHasText("Harbour")).click();
            page.getByText("Edit details").click();
            page.getByLabel("Description").fill("Shot from the pier, " + word);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
            assertThat(page.locator(".description")).hasText("Shot from the pier, " + word);

            // the index follows the change within a fraction of a second: the page is rendered once, so wait for it first
            AutoTags.awaitSearch(admin(), word, 1);
            page.navigate(url("/library?q=" + word));
            assertThat(page.locator("#results .card")).hasCount(1);
            assertThat(page.locator("#results .card-title")).hasText("Harbour " + tag);
            assertThat(page.getByLabel("Search the library")).hasValue(word);
        }
    }

    @Test
    void editsACustomFieldOnTheAssetPageAndFindsTheAssetByIt() {
        String k = UniqueWords.next();
        admin().json("POST", "/api/v1/fields", "{\"key\":\"" + k + "\",\"label\":\"Season " + k + "\",\"type\":\"choice\","
                + "\"options\":[\"Spring\",\"Autumn\"]}");
        admin().json("POST", "/api/v1/fields", "{\"key\":\"" + k + "_budget\",\"label\":\"Budget " + k + "\",\"type\":\"number\"}");
        upload("Orchard " + k, "orchard.png", TestImages.png(200, 120, new Color(0x38a169)));
        upload("Meadow " + k, "meadow.png", TestImages.png(200, 120, new Color(0x68d391)));
        AutoTags.awaitSearch(admin(), k, 2);

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1360, 900))) {
            context.setDefaultTimeout(20_000);
            Page page = context.newPage();
            logIn(page);
            page.getByLabel("Search the library").fill(k);
            assertThat(page.locator("#results .card")).hasCount(2);
            page.locator("#results .card", new Page.LocatorOptions().setHasText("Orchard")).click();

            page.getByText("Edit fields").click();
            page.getByLabel("Budget " + k).fill("lots");
            page.getByLabel("Season " + k).selectOption("Autumn");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save fields")).click();
            assertThat(page.locator(".field-error")).hasText("Budget " + k + " needs a number, like 12 or 3.5, not 'lots'.");
            assertThat(page.getByLabel("Season " + k)).hasValue("Autumn");

            page.getByLabel("Budget " + k).fill("1200");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save fields")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).hasText("Saved.");
            assertThat(page.locator("dd[data-field=" + k + "]")).hasText("Autumn");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("asset-fields.png")));

            AutoTags.awaitSearch(admin(), k + ":autumn", 1);
            page.navigate(url("/library?q=" + k));
            page.locator(".facet[data-facet=" + k + "] a", new Page.LocatorOptions().setHasText("Autumn")).click();
            assertThat(page.locator("#results .card")).hasCount(1);
            assertThat(page.locator("#results .card-title")).hasText("Orchard " + k);

            page.getByLabel("Search the library").fill(k + "_budget:>1000");
            assertThat(page.locator("#results .card")).hasCount(1);
            assertThat(page.locator("#results .card-title")).hasText("Orchard " + k);
        }
    }

    @Test
    void showsAMalformedQueryAsASentenceAndOffersASpelling() {
        String tag = UniqueWords.next();
        upload("Lighthouse " + tag, "l.png", TestImages.png(64, 64, Color.WHITE));
        AutoTags.awaitSearch(admin(), tag, 1);
        try (BrowserContext context = browser.newContext()) {
            context.setDefaultTimeout(20_000);
            Page page = context.newPage();
            logIn(page);

            page.getByLabel("Search the library").fill("(lighthouse OR");
            assertThat(page.getByRole(AriaRole.ALERT)).hasText("A search term is missing at position 15 of the query.");

            page.getByLabel("Search the library").fill("lighthuose " + tag);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("lighthouse " + tag)).click();
            assertThat(page.locator("#results .card")).hasCount(1);
        }
    }

    private void logIn(Page page) {
        page.navigate(url("/library"));
        page.getByLabel("Username").fill("admin");
        page.getByLabel("Password").fill(ADMIN_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        assertThat(page.locator("h1")).hasText("Library");
        // typing before htmx has loaded would only search on Enter; on a busy machine the scripts may come late
        page.waitForLoadState();
        page.waitForFunction("() => window.htmx !== undefined");
    }

    private void upload(String title, String filename, byte[] bytes) {
        admin().upload("/api/v1/assets", Multipart.file(filename, null, bytes).field("title", title));
    }

}
