package dev.atelier.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import dev.atelier.testsupport.BrowserTest;
import dev.atelier.testsupport.TestDocuments;
import dev.atelier.testsupport.TestImages;
import dev.atelier.testsupport.TestMedia;
import java.awt.Color;
import java.nio.file.Files;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A person's first session, in real Chromium: log in, upload, open, version, download, trash, restore. */
class UploadJourneyTests extends BrowserTest {

    BrowserContext context;
    Page page;

    @BeforeEach
    void openPage() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1360, 900).setAcceptDownloads(true));
        context.setDefaultTimeout(20_000);
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void uploadsVersionsDownloadsTrashesAndRestores() throws Exception {
        byte[] harbour = TestImages.jpeg(1600, 1000, new Color(0x2b6cb0));
        byte[] sunset = TestImages.png(1200, 900, new Color(0xdd6b20));
        byte[] harbourV2 = TestImages.jpeg(1600, 1000, new Color(0x2f855a));

        logIn();

        // one file through the chooser, one dropped onto the drop zone
        page.locator("#upload-input").setInputFiles(new FilePayload("harbour.jpg", "image/jpeg", harbour));
        drop(page.locator(".uploader .dropzone"), "sunset.png", "image/png", sunset);
        assertThat(page.locator(".upload-list li.done")).hasCount(2);

        Locator harbourCard = card("harbour");
        Locator sunsetCard = card("sunset");
        assertThat(harbourCard.locator(".thumb img")).isVisible();
        assertThat(sunsetCard.locator(".thumb img")).isVisible();
        assertThat(harbourCard).containsText("JPEG");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("library.png")));

        harbourCard.locator("a").click();
        assertThat(page.locator("h1")).hasText("harbour");
        assertThat(page.locator(".preview img")).isVisible();

        page.locator("#version-input").setInputFiles(new FilePayload("harbour-graded.jpg", "image/jpeg", harbourV2));
        assertThat(page.locator(".versions li")).hasCount(2);
        assertThat(page.locator(".versions li").first()).containsText("harbour-graded.jpg");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("asset.png")));

        Download v1 = page.waitForDownload(() -> page.getByLabel("Download version 1").click());
        assertThat(Files.readAllBytes(v1.path())).isEqualTo(harbour);
        assertThat(v1.suggestedFilename()).isEqualTo("harbour.jpg");

        page.getByRole(AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Move to trash")).click();
        assertThat(page.locator(".alert.warn")).containsText("in the trash");
        page.navigate(url("/trash"));
        assertThat(card("harbour")).isVisible();
        card("harbour").locator("a").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Restore")).click();
        assertThat(page.locator(".alert.warn")).hasCount(0);
        assertThat(page.locator(".history li").first()).containsText("Restored from the trash");
        assertThat(page.locator(".history")).containsText("Uploaded v2");
        page.navigate(url("/library"));
        assertThat(card("harbour")).isVisible();
    }

    @Test
    void previewsAPdfAVideoAndAPhotoAndPlaysAndSeeksTheVideo() {
        assumeTrue(TestMedia.ffmpegAvailable(), "ffmpeg is installed");
        logIn();

        page.locator("#upload-input").setInputFiles(new FilePayload[] {
                new FilePayload("brochure.pdf", "application/pdf", TestDocuments.pdf(2, 595, 842)),
                new FilePayload("teaser.mp4", "video/mp4", TestMedia.video(640, 360, 6, "mp4")),
                new FilePayload("portrait.jpg", "image/jpeg", TestImages.jpeg(900, 1200, new Color(0x805ad5)))});
        assertThat(page.locator(".upload-list li.done")).hasCount(3);
        for (String title : new String[] {"brochure", "teaser", "portrait"}) {
            assertThat(card(title).locator(".thumb img")).isVisible();
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("media-library.png")));

        card("brochure").locator("a").click();
        assertThat(page.locator(".page-nav")).containsText("Page 1 of 2");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next page")).click();
        assertThat(page.locator(".page-nav")).containsText("Page 2 of 2");
        assertThat(page.locator(".pages img")).isVisible();
        page.waitForFunction("img => img.complete && img.naturalWidth > 0", page.locator(".pages img").elementHandle());
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("pdf-page-2.png")));

        page.navigate(url("/library"));
        card("teaser").locator("a").click();
        Locator video = page.locator(".preview video");
        assertThat(video).isVisible();
        page.waitForFunction("v => v.readyState >= 1 && v.duration > 5", video.elementHandle());
        video.evaluate("v => { v.muted = true; v.currentTime = 4; return v.play(); }");
        page.waitForFunction("v => !v.paused && v.currentTime >= 4", video.elementHandle());
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("video.png")));
    }

    @Test
    void anAdminCreatesAViewerWhoCannotUpload() {
        logIn();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Users")).click();
        page.getByLabel("Username").fill("ivy-viewer");
        page.getByLabel("Password").fill("short");
        page.getByLabel("Role").selectOption("viewer");
        // the browser's own minlength check would stop a person; the server's sentence is what scripts and old browsers see
        page.locator("#password").evaluate("el => el.removeAttribute('minlength')");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create user")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("A password needs at least 8 characters.");

        page.getByLabel("Password").fill("ivy-password-1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create user")).click();
        assertThat(page.locator(".alert.success")).containsText("ivy-viewer");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log out")).click();
        page.getByLabel("Username").fill("ivy-viewer");
        page.getByLabel("Password").fill("ivy-password-1");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        assertThat(page.locator("h1")).hasText("Library");
        assertThat(page.locator(".dropzone")).hasCount(0);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Users"))).hasCount(0);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("System"))).hasCount(0);
    }

    @Test
    void anAdminAddsAPresetAndEveryImageOffersALinkInThatSize() {
        logIn();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Presets")).click();
        page.getByLabel("Name").fill("Story 1080");
        page.getByLabel("Label").fill("Story, 1080 × 1920");
        page.getByLabel("Width (px)").fill("1080");
        page.getByLabel("Height (px)").fill("1920");
        page.getByLabel("Fit").selectOption("cover");
        // the browser's pattern check would stop a person; the server's sentence is what scripts and old browsers see
        page.locator("#name").evaluate("el => el.removeAttribute('pattern')");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save preset")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("lower-case letters, digits and dashes");
        assertThat(page.getByLabel("Height (px)")).hasValue("1920");
        page.getByLabel("Name").fill("story-1080");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save preset")).click();
        assertThat(page.locator(".alert.success")).containsText("story-1080");
        assertThat(page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Presets"))).containsText("w=1080&h=1920&fit=cover");

        page.navigate(url("/library"));
        page.locator("#upload-input").setInputFiles(new FilePayload("campaign.jpg", "image/jpeg",
                TestImages.jpeg(2400, 3000, new Color(0xd53f8c))));
        assertThat(page.locator(".upload-list li.done")).hasCount(1);
        card("campaign").locator("a").click();
        Locator story = page.locator(".sizes a", new Page.LocatorOptions().setHasText("Story, 1080 × 1920"));
        assertThat(story).isVisible();
        var response = page.request().get(url(story.getAttribute("href")));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().get("content-type")).startsWith("image/");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set focal point")).click();
        Locator preview = page.locator(".preview img");
        var box = preview.boundingBox();
        preview.click(new Locator.ClickOptions().setPosition(box.width * 0.25, box.height * 0.75));
        assertThat(page.locator(".focal-state")).hasText("Focal point saved: crops keep it in frame.");
        assertThat(page.locator(".focal-marker")).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("sizes.png")));
        page.reload();
        assertThat(page.locator(".focal-state")).hasText("Crops keep the focal point in frame.");
    }

    @Test
    void anAdminSeesWhichEnginesPreviewWhichTypes() {
        logIn();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("System")).click();
        assertThat(page.locator("h1")).hasText("System");
        Locator engines = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Media engines"));
        assertThat(engines).containsText("java-imageio");
        assertThat(engines).containsText("image/bmp");
        assertThat(page.getByLabel("Workers and queue")).containsText("Rendition jobs waiting");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("system.png")));
    }

    @Test
    void explainsALoginFailureInPlainWords() {
        page.navigate(url("/library"));
        page.getByLabel("Username").fill("admin");
        page.getByLabel("Password").fill("not-the-password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).hasText("The username or password is not right.");
    }

    private void logIn() {
        page.navigate(url("/library"));
        assertThat(page).hasURL(url("/login"));
        page.getByLabel("Username").fill("admin");
        page.getByLabel("Password").fill(ADMIN_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        assertThat(page.locator("h1")).hasText("Library");
        // the heading shows before the page's scripts run; on a busy machine a drop could come first
        page.waitForLoadState();
    }

    private Locator card(String title) {
        return page.locator(".card").filter(new Locator.FilterOptions().setHas(page.locator(".card-title", new Page.LocatorOptions().setHasText(title)))).first();
    }

    /** Drops a file the way a browser does when one is dragged from the desktop. */
    private void drop(Locator zone, String name, String type, byte[] bytes) {
        var transfer = page.evaluateHandle("""
                ([name, type, b64]) => {
                  const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
                  const dt = new DataTransfer();
                  dt.items.add(new File([bytes], name, { type }));
                  return dt;
                }""", java.util.List.of(name, type, Base64.getEncoder().encodeToString(bytes)));
        zone.dispatchEvent("dragover", java.util.Map.of("dataTransfer", transfer));
        zone.dispatchEvent("drop", java.util.Map.of("dataTransfer", transfer));
    }

}
