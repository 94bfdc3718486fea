package dev.atelier.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.Atelier;
import dev.atelier.testsupport.Api;
import dev.atelier.testsupport.AwaitRenditions;
import dev.atelier.testsupport.Multipart;
import dev.atelier.testsupport.TestImages;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Renditions are durable jobs: they survive a restart, and a job that fails for a passing reason
 * is retried with backoff and then given up with a reason. Each test runs its own Atelier(s).
 */
class RenditionJobsTests {

    private static final String PASSWORD = "admin-secret-1";

    @TempDir
    Path home;

    @Test
    void aRestartLosesNoRenditionJob() {
        String id;
        // a server that takes uploads but runs no jobs, then goes away before any rendition is made
        try (var web = start("--atelier.jobs.enabled=false")) {
            Api api = admin(web);
            id = api.upload("/api/v1/assets", Multipart.file("queued.png", null, TestImages.png(900, 600, Color.MAGENTA)))
                    .json().get("id").asString();
            assertThat(api.get("/api/v1/assets/" + id + "/renditions").json().findValuesAsString("status")).containsOnly("pending");
        }
        try (var restarted = start()) {
            JsonNode renditions = AwaitRenditions.until(admin(restarted), id, statuses -> statuses.stream().allMatch("ready"::equals),
                    new ArrayList<>());
            assertThat(renditions.findValuesAsString("status")).containsOnly("ready");
        }
    }

    @Test
    void aVersionWithoutAPreviewGetsOneOnceAnEngineForItsTypeIsThere() throws Exception {
        byte[] avif;
        try (var in = getClass().getResourceAsStream("/media/sample.avif")) {
            avif = in.readAllBytes();
        }
        String id;
        // the pure-Java engine reads no AVIF: no preview for it
        try (var javaOnly = start("--atelier.media.libvips=false")) {
            Api api = admin(javaOnly);
            id = api.upload("/api/v1/assets", Multipart.file("sample.avif", null, avif)).json().get("id").asString();
            JsonNode renditions = AwaitRenditions.settled(api, id);
            org.junit.jupiter.api.Assumptions.assumeTrue(renditions.findValuesAsString("status").contains("unsupported"),
                    "the Java engine reads no AVIF here");
        }
        try (var upgraded = start()) {
            Api api = admin(upgraded);
            org.junit.jupiter.api.Assumptions.assumeTrue(api.get("/actuator/health/media").text().contains("libvips"),
                    "libvips is installed");
            JsonNode renditions = AwaitRenditions.until(api, id, statuses -> statuses.stream().allMatch("ready"::equals),
                    new ArrayList<>());
            assertThat(renditions.findValuesAsString("status")).containsOnly("ready");
        }
    }

    @Test
    void retriesWithBackoffWhileWorkersCannotStartThenGivesUpWithTheReason() {
        try (var app = start("--atelier.media.worker-java=" + home.resolve("no-such-java"),
                "--atelier.media.retry-backoff=200ms", "--atelier.media.max-attempts=3")) {
            Api api = admin(app);
            String id = api.upload("/api/v1/assets", Multipart.file("stuck.png", null, TestImages.png(300, 200, Color.ORANGE)))
                    .json().get("id").asString();

            List<String> reasonsSeen = new ArrayList<>();
            JsonNode renditions = AwaitRenditions.until(api, id, statuses -> statuses.stream().allMatch("failed"::equals), reasonsSeen);

            assertThat(renditions.get(0).get("reason").asString())
                    .isEqualTo("gave up after 3 attempts: the media workers could not be started");
            assertThat(reasonsSeen).anyMatch(r -> r.matches("attempt [12] of 3 failed \\(the media workers could not be started\\); trying again at .*"));
        }
    }

    private ConfigurableApplicationContext start(String... extra) {
        List<String> args = new ArrayList<>(List.of("--atelier.home=" + home, "--server.port=0", "--server.address=127.0.0.1",
                "--atelier.identity.admin-password=" + PASSWORD, "--atelier.jobs.polling-interval=200ms"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(Atelier.class).run(args.toArray(String[]::new));
    }

    private static Api admin(ConfigurableApplicationContext app) {
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        return Api.basic(port, "admin", PASSWORD);
    }
}
