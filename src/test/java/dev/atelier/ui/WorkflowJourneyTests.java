package dev.atelier.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import dev.atelier.identity.Role;
import dev.atelier.testsupport.BrowserTest;
import dev.atelier.testsupport.Multipart;
import dev.atelier.testsupport.TestImages;
import dev.atelier.testsupport.UniqueWords;
import java.awt.Color;
import org.junit.jupiter.api.Test;

/**
 * A two-stage review in Chromium, run by three people: brand and legal side by side, then final;
 * the creator starts it from the asset page, each reviewer records a decision on the review page,
 * and the asset turns "Approved".
 */
class WorkflowJourneyTests extends BrowserTest {

    @Test
    void threePeopleApproveInTwoStagesAndTheAssetTurnsApproved() {
        String k = UniqueWords.next();
        as("bea-" + k, Role.REVIEWER);
        as("lou-" + k, Role.REVIEWER);
        as("carl-" + k, Role.MANAGER);
        var created = admin().body("POST", "/api/v1/workflow-templates", "application/yaml", """
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
        String asset = as("cleo-" + k, Role.CONTRIBUTOR).upload("/api/v1/assets", Multipart.file("poster.png", "image/png",
                TestImages.png(400, 300, Color.BLUE)).field("title", "Poster " + k)).json().get("id").asString();

        try (BrowserContext cleo = context(); BrowserContext bea = context(); BrowserContext carl = context()) {
            Page page = logIn(cleo, "cleo-" + k);
            page.navigate(url("/assets/" + asset));
            var box = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Approval"));
            box.getByLabel("Workflow").selectOption(new SelectOption().setLabel("Journey " + k));
            box.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Start review")).click();
            assertThat(page.locator("[data-status]")).hasText("In review");
            String review = page.url();
            assertThat(page.locator("[data-stage=final] .badge")).hasText("waiting");

            decide(logIn(bea, "bea-" + k), review, "Approved", "");
            lou(k, review);
            Page final_ = logIn(carl, "carl-" + k);
            final_.navigate(review);
            assertThat(final_.locator("[data-stage=final] .badge")).hasText("active");
            decide(final_, review, "Approved with changes", "Tighten the headline");
            assertThat(final_.locator("[data-status]")).hasText("Approved");
            final_.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("workflow-approved.png")).setFullPage(true));

            page.navigate(url("/assets/" + asset));
            assertThat(page.locator("[data-approval]")).hasText("Approved");
        }
    }

    private void lou(String k, String review) {
        try (BrowserContext lou = context()) {
            decide(logIn(lou, "lou-" + k), review, "Approved", "");
        }
    }

    private static void decide(Page page, String review, String verdict, String comment) {
        page.navigate(review);
        page.getByLabel(verdict, new Page.GetByLabelOptions().setExact(true)).check();
        if (!comment.isEmpty()) {
            page.locator("textarea[name=comment]").fill(comment);
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record decision")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Your decision is recorded.");
    }

    private BrowserContext context() {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1360, 900));
        context.setDefaultTimeout(20_000);
        return context;
    }

    private Page logIn(BrowserContext context, String username) {
        Page page = context.newPage();
        page.navigate(url("/library"));
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        assertThat(page.locator("h1")).hasText("Library");
        return page;
    }
}
