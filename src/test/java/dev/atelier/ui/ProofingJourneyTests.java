package dev.atelier.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import dev.atelier.testsupport.BrowserTest;
import dev.atelier.testsupport.Multipart;
import dev.atelier.testsupport.Poll;
import dev.atelier.testsupport.TestImages;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Proofing in Chromium: draw a rectangle and comment on v1, find it carried to v2, compare the two as a pixel difference. */
class ProofingJourneyTests extends BrowserTest {

    @Test
    void annotatesARegionSeesItCarriedToTheNextVersionAndComparesBoth() {
        byte[] v1 = TestImages.encode(TestImages.scene(11, 800, 600), "png");
        String asset = admin().upload("/api/v1/assets", Multipart.file("poster.png", "image/png", v1)).json().get("id").asString();

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1400, 950))) {
            context.setDefaultTimeout(30_000);
            Page page = context.newPage();
            logInAsAdmin(page);
            page.navigate(url("/assets/" + asset));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Review").setExact(true)).click();
            page.locator("html[data-proof-ready]").waitFor();

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rectangle")).click();
            BoundingBox box = page.locator("#proof-overlay").boundingBox();
            page.mouse().move(box.x + box.width * 0.2, box.y + box.height * 0.25);
            page.mouse().down();
            page.mouse().move(box.x + box.width * 0.55, box.y + box.height * 0.6, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(8));
            page.mouse().up();
            page.getByLabel("Comment", new Page.GetByLabelOptions().setExact(true)).fill("Sky too dark\nlift the shadows, @admin");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add comment")).click();

            assertThat(page.locator(".proof-thread")).hasCount(1);
            assertThat(page.locator(".proof-thread")).containsText("lift the shadows, @admin");
            page.locator("html[data-proof-ready]").waitFor();
            assertThat(page.locator("#proof-overlay rect.mark.open")).hasCount(1);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("proofing-review.png")).setFullPage(true));

            byte[] v2 = TestImages.encode(retouched(TestImages.scene(11, 800, 600)), "png");
            admin().upload("/api/v1/assets/" + asset + "/versions", Multipart.file("poster v2.png", "image/png", v2));
            Poll.until(() -> admin().get("/api/v1/assets/" + asset + "/versions/2/carried").json(), items -> items.size() == 1, Duration.ofSeconds(20));
            page.navigate(url("/assets/" + asset + "/review?version=2"));
            assertThat(page.locator("#carried")).containsText("carried from v1: Sky too dark");
            assertThat(page.locator("#carried .status")).hasText("open");
            page.locator("html[data-proof-ready]").waitFor();
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("proofing-carried.png")).setFullPage(true));

            page.navigate(url("/assets/" + asset));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Compare version 1 with 2")).click();
            page.locator("html[data-compare-ready]").waitFor();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Overlay")).click();
            page.getByLabel("Opacity of v2").fill("0.3");
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("proofing-overlay.png")));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Difference")).click();
            page.locator("html[data-difference-ready]").waitFor();
            assertThat(page.locator("#compare-stats")).containsText("% of pixels differ");
            double changed = Double.parseDouble(page.locator("#compare-stats").textContent().split(" ")[0]);
            org.assertj.core.api.Assertions.assertThat(changed).as("the retouched patch is 4 %% of the picture").isBetween(3.0, 6.0);
            assertThat(page.locator("#compare-difference")).isVisible();
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("proofing-difference.png")));
        }
    }

    /** The same picture with one white patch, 20 % by 20 % of it, where the sky was. */
    private static BufferedImage retouched(BufferedImage image) {
        var g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(480, 60, 160, 120);
        g.dispose();
        return image;
    }

}
