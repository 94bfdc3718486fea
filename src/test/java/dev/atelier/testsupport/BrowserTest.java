package dev.atelier.testsupport;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The application plus one headless Chromium per test class; screenshots go to {@code target/screenshots}. */
public abstract class BrowserTest extends IntegrationTest {

    protected static final Path SCREENSHOTS = Path.of("target", "screenshots");
    protected static Playwright playwright;
    protected static Browser browser;

    @BeforeAll
    static void launchBrowser() throws Exception {
        playwright = Browsers.playwright();
        browser = Browsers.chromium(playwright);
        // renditions and index updates are asynchronous; on two busy cores they may take more than the default 5 s
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void closeBrowser() {
        if (playwright != null) {
            playwright.close();
        }
    }

    /** Logs in through the login page and waits for the library. */
    protected void logIn(Page page, String username, String password) {
        page.navigate(url("/library"));
        page.getByLabel("Username").fill(username);
        page.getByLabel("Password").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        PlaywrightAssertions.assertThat(page.locator("h1")).hasText("Library");
    }

    protected void logInAsAdmin(Page page) {
        logIn(page, "admin", ADMIN_PASSWORD);
    }

    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
