package dev.atelier.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.atelier.testsupport.BrowserTest;
import dev.atelier.testsupport.Multipart;
import dev.atelier.testsupport.Poll;
import dev.atelier.testsupport.TestImages;
import dev.atelier.testsupport.UniqueWords;
import java.awt.image.BufferedImage;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The asset page in real Chromium shows the automatic tags as swatches and lists a near-duplicate with its thumbnail. */
class AutoTagsJourneyTests extends BrowserTest {

    @Test
    void showsColourSwatchesAndSimilarAssetsOnTheAssetPage() {
        String word = UniqueWords.next();
        BufferedImage scene = TestImages.scene(4004, 1000, 700);
        String original = upload("Quay " + word, "quay.png", TestImages.encode(scene, "png"));
        String copy = upload("Quay copy " + word, "quay-copy.jpg", TestImages.jpeg(TestImages.resized(scene, 400, 280), 0.65f));
        Poll.until(() -> admin().get("/api/v1/assets/" + original + "/similar").json().get("items").size(), n -> n > 0,
                Duration.ofSeconds(60));

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1360, 1000))) {
            context.setDefaultTimeout(20_000);
            Page page = context.newPage();
            page.navigate(url("/assets/" + original));
            page.getByLabel("Username").fill("admin");
            page.getByLabel("Password").fill(ADMIN_PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();

            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Automatic tags"))).isVisible();
            assertThat(page.locator(".swatches .swatch").first()).isVisible();
            assertThat(page.locator("[data-field=transparent]")).hasText("No");
            assertThat(page.locator("[data-field=pixels]")).containsText("1000 × 700");
            var item = page.locator(".similar-list li[data-asset-id='" + copy + "']");
            assertThat(item).containsText("Quay copy " + word);
            assertThat(item.locator(".thumb img")).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("asset-auto-tags.png")).setFullPage(true));
            item.locator("a").click();
            assertThat(page.locator("h1")).hasText("Quay copy " + word);
        }
    }

    private String upload(String title, String filename, byte[] bytes) {
        return admin().upload("/api/v1/assets", Multipart.file(filename, null, bytes).field("title", title)).json().get("id").asString();
    }
}
