package dev.atelier.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.atelier.testsupport.BrowserTest;
import dev.atelier.testsupport.UniqueWords;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A session that ends while a page is open: the page's next background request leads to the login page and back. */
class SessionJourneyTests extends BrowserTest {

    @Test
    void aBackgroundRequestAfterTheSessionEndedLeadsToTheLoginPageAndBackToThePage() {
        String k = UniqueWords.next();
        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800))) {
            context.setDefaultTimeout(20_000);
            Page page = context.newPage();
            logInAsAdmin(page);
            page.navigate(url("/library"));
            assertThat(page.locator("#results")).isVisible();

            context.clearCookies();
            page.getByLabel("Search the library").fill(k);

            // the whole page goes to the login form, instead of the form landing inside the results
            assertThat(page).hasURL(Pattern.compile("/login"));
            assertThat(page.locator("#results")).hasCount(0);
            page.getByLabel("Username").fill("admin");
            page.getByLabel("Password").fill(ADMIN_PASSWORD);
            page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
            assertThat(page).hasURL(Pattern.compile("/library(\\?continue)?$"));
            assertThat(page.locator("#results")).isVisible();
        }
    }
}
