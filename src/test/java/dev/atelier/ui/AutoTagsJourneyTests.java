package dev.atelier.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.atelier.testsupport.AutoTags;
import dev.atelier.testsupport.BrowserTest;
import dev.atelier.testsupport.Multipart;
import dev.atelier.testsupport.Poll;
import dev.atelier.testsupport.TestFaces;
import dev.atelier.testsupport.TestImages;
import dev.atelier.testsupport.UniqueWords;
import java.awt.image.BufferedImage;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The asset page in real Chromium shows the automatic tags as swatches and lists a near-duplicate
 * with its thumbnail; faces link to a search for their count, and the System page says what counts them.
 */
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

    @Test
    void showsTheFacesLinksToTheirCountAndTheSystemPageSaysWhatCountsThem() {
        String word = UniqueWords.next();
        String pair = upload("Pair " + word, "pair.jpg", TestImages.jpeg(TestFaces.group(505, 1200, 800, 2), 0.9f));
        int faces = AutoTags.awaitAnalysis(admin(), pair).path("faces").asInt(-1);
        assumeTrue(faces >= 0, "no face detector: FaceCountTests says why");

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1360, 1000))) {
            context.setDefaultTimeout(20_000);
            Page page = context.newPage();
            logInAsAdmin(page);
            page.navigate(url("/assets/" + pair));

            assertThat(page.locator("[data-field=faces]")).hasText(Integer.toString(faces));
            page.locator("[data-field=faces] a").click();
            assertThat(page.locator("#q")).hasValue("faces:" + faces);
            assertThat(page.locator(".facet[data-facet=faces]")).containsText("2–5");
            page.navigate(url("/admin/system"));
            assertThat(page.locator("[data-field=faces]")).containsText("OpenCV");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("system-faces.png")).setFullPage(true));
        }
    }

    private String upload(String title, String filename, byte[] bytes) {
        return admin().upload("/api/v1/assets", Multipart.file(filename, null, bytes).field("title", title)).json().get("id").asString();
    }
}
