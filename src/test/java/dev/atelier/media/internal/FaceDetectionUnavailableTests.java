package dev.atelier.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.media.FaceProperties;
import dev.atelier.testsupport.IntegrationTest;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * A server whose Python has no OpenCV (here: a Python that does not exist): the health check and
 * the System page say face detection is unavailable and why, and stay up.
 */
class FaceDetectionUnavailableTests extends IntegrationTest {

    @Autowired
    MediaWorkerPool workers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SpringTemplateEngine templates;

    @Test
    void theHealthCheckAndTheSystemPageSayWhyFacesAreNotCounted() {
        var missing = new FaceProperties(true, "/opt/no-such/python3", "/usr/share/opencv4/haarcascades/haarcascade_frontalface_alt2.xml",
                Duration.ofSeconds(30), DataSize.ofGigabytes(1));
        var system = new MediaSystem(workers, jdbc, new FaceDetections(workers, missing));

        var health = new MediaHealthIndicator(system).health();
        String page = templates.process("media/system", Set.of("faces"), new Context(Locale.ENGLISH, Map.of("status", system.status())));

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails().get("faces")).isEqualTo(Map.of("available", false,
                "reason", "/opt/no-such/python3 is not installed (Debian: apt-get install python3-opencv)"));
        assertThat(page).contains("Face detection is unavailable", "unknown, not zero", "/opt/no-such/python3 is not installed");
    }
}
