package dev.atelier.testsupport;

import dev.atelier.identity.Role;
import dev.atelier.identity.User;
import dev.atelier.identity.UserManagement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a random port with its state in a temporary {@code atelier.home}.
 * Every subclass shares one application context, so the suite starts Atelier once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "atelier.identity.admin-password=" + IntegrationTest.ADMIN_PASSWORD,
        "atelier.ingest.max-upload=16MB",
        "atelier.media.max-cached-per-source=4",
        "server.address=127.0.0.1"})
@Import(BlobPresenceProbe.class)
public abstract class IntegrationTest {

    public static final String ADMIN_PASSWORD = "admin-secret-1";
    public static final String PASSWORD = "password-123";
    public static final Path HOME = tempHome();

    @LocalServerPort
    protected int port;

    @Autowired
    protected UserManagement users;

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("atelier.home", HOME::toString);
        registry.add("atelier.metadata.tagger.url", FakeTagger::url);
        registry.add("atelier.metadata.tagger.token", () -> FakeTagger.TOKEN);
        registry.add("atelier.metadata.tagger.retry-delay", () -> "1s");
        registry.add("spring.mail.host", TestMail::host);
        registry.add("spring.mail.port", TestMail::port);
        registry.add("atelier.notification.mail-enabled", () -> "true");
    }

    protected Api admin() {
        return Api.basic(port, "admin", ADMIN_PASSWORD);
    }

    /** A user with the role, created on first use; the name says the role. */
    protected Api as(String username, Role role) {
        if (users.findByUsername(username).isEmpty()) {
            var admin = users.findByUsername("admin").orElseThrow().asActor();
            users.createUser(admin, username, username, PASSWORD, role);
        }
        return Api.basic(port, username, PASSWORD);
    }

    /** A user with the role and the e-mail address {@code <username>@example.test} (read it back from {@link TestMail}). */
    protected User withEmail(String username, Role role) {
        as(username, role);
        var admin = users.findByUsername("admin").orElseThrow().asActor();
        return users.setEmail(admin, users.findByUsername(username).orElseThrow().id(), username + "@example.test");
    }

    protected Path blobRoot() {
        return HOME.resolve("blobs");
    }

    protected Path blobPath(String sha256) {
        return blobRoot().resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    protected long stagingFiles() {
        try (var files = Files.list(blobRoot().resolve("tmp"))) {
            return files.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempHome() {
        try {
            return Files.createTempDirectory("atelier-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
