package dev.atelier.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Mouse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.SelectOption;
import dev.atelier.identity.Role;
import dev.atelier.testsupport.BrowserTest;
import dev.atelier.testsupport.Multipart;
import dev.atelier.testsupport.Poll;
import dev.atelier.testsupport.TestImages;
import dev.atelier.testsupport.UniqueWords;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The review of issue 6 in Chromium, run by three reviewers and the creator: brand and legal side
 * by side, then final. Brand marks a region and requests changes; the creator uploads v2, which
 * starts round 2 with the mark carried forward as a checklist item; brand compares v1 and v2 and
 * approves, legal and final approve, and the asset turns "Approved".
 */
class WorkflowJourneyTests extends BrowserTest {

    @Test
    void markRequestChangesThenTheSecondVersionPassesBothStagesAndTheAssetTurnsApproved() {
        String k = UniqueWords.next();
        as("bea-" + k, Role.REVIEWER);
        as("lou-" + k, Role.REVIEWER);
        as("carl-" + k, Role.MANAGER);
        admin().body("POST", "/api/v1/workflow-templates", "application/yaml", """
                name: Journey %1$s
                stages:
                  - key: brand
                    name: Brand
                    reviewers: { users: [bea-%1$s] }
                  - key: legal
                    name: Legal
                    reviewers: { users: [lou-%1$s] }
                  - key: final
                    name: Final
                    after: [brand, legal]
                    reviewers: { users: [carl-%1$s] }
                """.formatted(k));
        var cleoApi = as("cleo-" + k, Role.CONTRIBUTOR);
        String asset = cleoApi.upload("/api/v1/assets", Multipart.file("poster.png", "image/png",
                TestImages.encode(TestImages.scene(5, 800, 600), "png")).field("title", "Poster " + k)).json().get("id").asString();

        try (BrowserContext cleo = context(); BrowserContext bea = context(); BrowserContext lou = context(); BrowserContext carl = context()) {
            Page creator = logIn(cleo, "cleo-" + k);
            creator.navigate(url("/assets/" + asset));
            Locator box = creator.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Approval"));
            box.getByLabel("Workflow").selectOption(new SelectOption().setLabel("Journey " + k));
            box.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Start review")).click();
            assertThat(creator.locator("[data-status]")).hasText("In review");
            String round1 = creator.url();

            Page brand = logIn(bea, "bea-" + k);
            brand.navigate(round1);
            brand.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("0 open annotations")).click();
            markRegion(brand, "Logo too small");
            brand.navigate(round1);
            assertThat(brand.locator("[data-proof-summary]")).containsText("1 open annotation");
            decide(brand, "Changes requested", "See the marked logo");
            assertThat(brand.locator("[data-status]")).hasText("Changes requested");

            cleoApi.upload("/api/v1/assets/" + asset + "/versions", Multipart.file("poster v2.png", "image/png",
                    TestImages.encode(retouched(TestImages.scene(5, 800, 600)), "png")));
            String round2 = "/workflows/" + Poll.until(() -> admin().get("/api/v1/assets/" + asset + "/workflows").json(), r -> r.size() == 2,
                    Duration.ofSeconds(30)).get(0).get("id").asString();

            brand.navigate(url(round2));
            assertThat(brand.locator("[data-proof-summary]")).containsText("1 carried item to confirm");
            brand.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("1 carried item to confirm")).click();
            assertThat(brand.locator("#carried")).containsText("carried from v1: Logo too small");
            brand.navigate(url(round2));
            brand.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("compare with v1")).click();
            brand.locator("html[data-compare-ready]").waitFor();
            brand.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Difference")).click();
            brand.locator("html[data-difference-ready]").waitFor();
            assertThat(brand.locator("#compare-stats")).containsText("% of pixels differ");
            brand.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("workflow-compare.png")));
            brand.navigate(url(round2));
            decide(brand, "Approved", "");

            Page legal = logIn(lou, "lou-" + k);
            legal.navigate(url(round2));
            decide(legal, "Approved", "");
            Page finalReviewer = logIn(carl, "carl-" + k);
            finalReviewer.navigate(url(round2));
            assertThat(finalReviewer.locator("[data-stage=final] .badge")).hasText("active");
            decide(finalReviewer, "Approved with changes", "Tighten the headline");
            assertThat(finalReviewer.locator("[data-status]")).hasText("Approved");
            finalReviewer.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("workflow-approved.png")).setFullPage(true));

            creator.navigate(url("/assets/" + asset));
            assertThat(creator.locator("[data-approval]")).hasText("Approved");
            assertThat(creator.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Approval"))).containsText("round 2");

            // the library finds it by its review state, and its card says so (once the index has followed the decision)
            dev.atelier.testsupport.AutoTags.awaitSearch(admin(), k + " status:approved", 1);
            creator.navigate(url("/library?q=" + k));
            creator.locator(".facet[data-facet=status]").getByText("Approved").click();
            assertThat(creator.locator("#results .card")).hasCount(1);
            assertThat(creator.locator("#results .card .badge.review")).hasText("Approved");
            assertThat(creator).hasURL(java.util.regex.Pattern.compile("status=approved"));
        }
    }

    @Test
    void anAdminWritesATemplateInYamlSeesItsMistakesAndAddsARoutingRule() {
        String k = UniqueWords.next();
        try (BrowserContext admin = context()) {
            Page page = admin.newPage();
            logInAsAdmin(page);

            page.navigate(url("/admin/workflow-templates"));
            page.getByLabel("YAML", new Page.GetByLabelOptions().setExact(true)).fill("name: Admin " + k + "\nstages:\n  - key: brand\n    reviewers: { users: [admin] }\n    rule: most\n");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save template")).click();
            assertThat(page.getByRole(AriaRole.ALERT)).containsText("stages[0].rule: 'most' is not a rule: all, any or at-least.");
            page.getByLabel("YAML", new Page.GetByLabelOptions().setExact(true)).fill("name: Admin " + k + "\nstages:\n  - key: brand\n    reviewers: { users: [admin] }\n    rule: any\n");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save template")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).hasText("Template saved.");

            page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("EU " + k);
            page.getByLabel("Condition 1 field").fill("market");
            page.getByLabel("Condition 1 value").fill("Nowhere " + k);
            page.getByLabel("Then use the template").selectOption(new SelectOption().setLabel("Admin " + k));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add rule")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).hasText("Routing rule saved.");
            assertThat(page.locator("table").last()).containsText("EU " + k);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("workflow-templates.png")).setFullPage(true));
            page.onceDialog(dialog -> dialog.accept());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete EU " + k)).click();
            assertThat(page.locator("body")).not().containsText("EU " + k);
        }
    }

    private static void markRegion(Page page, String comment) {
        page.locator("html[data-proof-ready]").waitFor();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Rectangle")).click();
        BoundingBox box = page.locator("#proof-overlay").boundingBox();
        page.mouse().move(box.x + box.width * 0.2, box.y + box.height * 0.25);
        page.mouse().down();
        page.mouse().move(box.x + box.width * 0.5, box.y + box.height * 0.55, new Mouse.MoveOptions().setSteps(8));
        page.mouse().up();
        page.getByLabel("Comment", new Page.GetByLabelOptions().setExact(true)).fill(comment);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add comment")).click();
        assertThat(page.locator(".proof-thread")).containsText(comment);
    }

    private static void decide(Page page, String verdict, String comment) {
        page.getByLabel(verdict, new Page.GetByLabelOptions().setExact(true)).check();
        if (!comment.isEmpty()) {
            page.locator("textarea[name=comment]").fill(comment);
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record decision")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText(Pattern.compile("Your decision is recorded\\."));
    }

    /** The same picture with a white patch where the logo was. */
    private static BufferedImage retouched(BufferedImage image) {
        var g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(160, 150, 240, 180);
        g.dispose();
        return image;
    }

    private BrowserContext context() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1360, 900));
        context.setDefaultTimeout(20_000);
        return context;
    }

    private Page logIn(BrowserContext context, String username) {
        Page page = context.newPage();
        logIn(page, username, PASSWORD);
        return page;
    }
}
