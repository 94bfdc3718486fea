package dev.atelier.testsupport;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
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

    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
