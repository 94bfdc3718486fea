package dev.atelier.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import dev.atelier.media.internal.SandboxCheck.Attempts;
import dev.atelier.media.internal.SandboxCheck.Request;
import dev.atelier.testsupport.BrowserTest;
import dev.atelier.testsupport.Multipart;
import dev.atelier.testsupport.TestImages;
import java.awt.Color;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The running server's own workers are confined: they cannot read its blob store or its database,
 * and the health check and the System page (in Chromium) say so.
 */
class ConfinedServerWorkersTests extends BrowserTest {

    @Autowired
    MediaWorkerPool workers;

    @BeforeEach
    void requireLandlock() {
        WorkerSandboxTests.requireLandlock();
    }

    @Test
    void theWorkersCannotReadTheBlobStoreOrTheDatabase() throws Exception {
        var created = admin().upload("/api/v1/assets", Multipart.file("secret.png", null, TestImages.png(40, 30, Color.RED))).json();
        Path blob = blobPath(created.get("sha256").asString());
        Path database;
        try (var files = Files.list(HOME.resolve("db"))) {
            database = files.filter(Files::isRegularFile).findFirst().orElseThrow();
        }

        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Attempts onBlob = SandboxCheck.ask(workers, new Request(blob.toString(), blobRoot().toString(), listener.getLocalPort()));
            Attempts onDatabase = SandboxCheck.ask(workers, new Request(database.toString(), HOME.toString(), listener.getLocalPort()));

            assertThat(onBlob.read()).contains("AccessDenied");
            assertThat(onBlob.modify()).contains("AccessDenied");
            assertThat(onBlob.create()).contains("AccessDenied");
            assertThat(onDatabase.read()).contains("AccessDenied");
            assertThat(onDatabase.create()).contains("AccessDenied");
        }
        assertThat(Files.readAllBytes(blob)).isEqualTo(TestImages.png(40, 30, Color.RED));
    }

    @Test
    void theHealthCheckAndTheSystemPageSayHowTheWorkersAreConfined() {
        var sandbox = admin().get("/actuator/health/media").json().at("/details/sandbox");
        assertThat(sandbox.get("confinement").asString()).startsWith("landlock ABI ").contains("filesystem + network (TCP)");
        assertThat(sandbox.get("selfCheck").asString())
                .isEqualTo("passed: reading and writing outside the work root and TCP connections are refused");

        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            logInAsAdmin(page);
            page.navigate(url("/admin/system"));
            var facts = page.getByLabel("Sandbox");
            PlaywrightAssertions.assertThat(facts).containsText("landlock ABI ");
            PlaywrightAssertions.assertThat(facts).containsText("passed: reading and writing outside the work root");
            PlaywrightAssertions.assertThat(page.getByText("not confined as they should be")).hasCount(0);
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("system-sandbox.png")).setFullPage(true));
        }
    }
}
