package dev.atelier.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.atelier.testsupport.AutoTags;
import dev.atelier.testsupport.BrowserTest;
import dev.atelier.testsupport.Multipart;
import dev.atelier.testsupport.UniqueWords;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The schema pages in Chromium: a vocabulary with a synonym, a term field, an edit of every search result, collection defaults. */
class SchemaJourneyTests extends BrowserTest {

    @Test
    void buildsAVocabularyAndATermFieldThenTagsEverySearchResultAtOnce() {
        String k = UniqueWords.next();
        for (int i = 0; i < 3; i++) {
            admin().upload("/api/v1/assets", Multipart.file("note-" + i + ".txt", null, (k + " " + i).getBytes()).field("title", "Note " + k + " " + i));
        }
        String collection = admin().json("POST", "/api/v1/collections", "{\"name\":\"Launch " + k + "\"}").json().get("id").asString();

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1360, 900))) {
            context.setDefaultTimeout(20_000);
            Page page = context.newPage();
            logInAsAdmin(page);

            page.navigate(url("/admin/taxonomy"));
            page.getByLabel("Name").fill("Topics " + k);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create")).click();
            var vocabulary = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Topics " + k));
            vocabulary.getByLabel("New term").fill("Automobile " + k);
            vocabulary.getByLabel("Synonyms (commas)").last().fill("car" + k);
            vocabulary.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Add term")).click();
            assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Topics " + k)).locator(".term-tree"))
                    .containsText("car" + k);

            page.navigate(url("/admin/fields"));
            page.getByLabel("Label").fill("Topic " + k);
            page.getByLabel("Key").fill(k);
            page.getByLabel("Type").selectOption("term");
            page.getByLabel("Vocabulary (term fields)").selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Topics " + k));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add field")).click();
            assertThat(page.locator("table")).containsText("Topic " + k);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("admin-fields.png")));

            AutoTags.awaitSearch(admin(), k, 3);
            page.navigate(url("/library?q=" + k));
            assertThat(page.locator("#results .card")).hasCount(3);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Edit all results")).click();
            page.getByLabel("Field").selectOption(k);
            page.getByLabel("Change").selectOption("add");
            page.getByLabel("Values").fill("car" + k);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start")).click();
            assertThat(page.locator("#bulk-progress .status")).hasText("Done: 3 of 3 assets changed, 0 could not be changed.");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("bulk-edit.png")));

            // done in the database; the index follows within a fraction of a second, and the page is rendered once
            AutoTags.awaitSearch(admin(), "car" + k, 3);
            page.navigate(url("/library?q=car" + k));
            assertThat(page.locator("#results .card")).hasCount(3);

            page.navigate(url("/collections/" + collection + "/defaults"));
            page.getByLabel("Topic " + k).fill("Automobile " + k);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save defaults")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).hasText(Pattern.compile("Saved\\."));
            assertThat(page.getByLabel("Topic " + k)).hasValue("Automobile " + k);
        }
    }

    @Test
    void picksAssetsByHandAcrossSearchesAndEditsOnlyThose() {
        String k = UniqueWords.next();
        for (int i = 0; i < 4; i++) {
            admin().upload("/api/v1/assets", Multipart.file("pick-" + i + ".txt", null, (k + " " + i).getBytes()).field("title", "Pick " + k + " " + i));
        }
        var field = admin().json("POST", "/api/v1/fields", "{\"key\":\"" + k + "\",\"label\":\"Season " + k + "\",\"type\":\"text\"}");
        org.assertj.core.api.Assertions.assertThat(field.status()).as(field.text()).isEqualTo(201);

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1360, 900))) {
            context.setDefaultTimeout(20_000);
            Page page = context.newPage();
            logInAsAdmin(page);
            AutoTags.awaitSearch(admin(), k, 4);
            page.navigate(url("/library?q=" + k));
            assertThat(page.locator("#results .card")).hasCount(4);
            page.getByLabel("Select Pick " + k + " 0").check();
            assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Selection"))).containsText("1 selected");

            // the selection survives a new search: pick one more from a narrower result
            page.getByLabel("Search the library").fill(k + " 3");
            assertThat(page.locator("#results .card")).hasCount(1);
            page.getByLabel("Select Pick " + k + " 3").check();
            var bar = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Selection"));
            assertThat(bar).containsText("2 selected");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("library-selection.png")));

            bar.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Edit selected")).click();
            assertThat(page.locator("h1")).hasText("Edit 2 selected assets");
            page.getByLabel("Field").selectOption(k);
            page.getByLabel("Change").selectOption("set");
            page.getByLabel("Values").fill("autumn" + k);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start")).click();
            assertThat(page.locator("#bulk-progress .status")).hasText("Done: 2 of 2 assets changed, 0 could not be changed.");

            AutoTags.awaitSearch(admin(), "autumn" + k, 2);
            page.navigate(url("/library?q=autumn" + k));
            assertThat(page.locator("#results .card")).hasCount(2);
            org.assertj.core.api.Assertions.assertThat(page.locator("#results .card-title").allTextContents())
                    .containsExactlyInAnyOrder("Pick " + k + " 0", "Pick " + k + " 3");
            // a finished edit clears the selection
            assertThat(page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Selection"))).containsText("No assets selected");
        }
    }
}
