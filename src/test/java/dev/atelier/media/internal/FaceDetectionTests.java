package dev.atelier.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.atelier.media.FaceCount;
import dev.atelier.media.FaceDetection;
import dev.atelier.media.FaceProperties;
import dev.atelier.media.PixelAnalysis;
import dev.atelier.media.internal.WorkerProtocol.RenderRequest;
import dev.atelier.testsupport.RequiredTools;
import dev.atelier.testsupport.Processes;
import dev.atelier.testsupport.TestFaces;
import dev.atelier.testsupport.TestImages;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.unit.DataSize;

/** Counting faces through real worker processes and Debian's OpenCV, on faces and scenes the tests draw. */
class FaceDetectionTests {

    static final FaceProperties DEFAULTS = new FaceProperties(true, "/usr/bin/python3",
            "/usr/share/opencv4/haarcascades/haarcascade_frontalface_alt2.xml", Duration.ofSeconds(30), DataSize.ofGigabytes(1));
    static final MediaWorkerPool VIPS = new MediaWorkerPool(new WorkerLauncher(DataSize.ofMegabytes(256)), 1, Duration.ofSeconds(60));
    static final MediaWorkerPool JAVA = new MediaWorkerPool(new WorkerLauncher(DataSize.ofMegabytes(256), false), 1,
            Duration.ofSeconds(60));

    @TempDir
    Path dir;

    @BeforeAll
    static void requireOpenCv() {
        FaceDetection detection = new FaceDetections(JAVA, DEFAULTS).status();
        RequiredTools.require(detection.available(), "OpenCV for Python (" + detection.detail() + ")", "python3-opencv opencv-data",
                "face detection tests");
    }

    @AfterAll
    static void stopWorkers() {
        VIPS.destroy();
        JAVA.destroy();
    }

    @ParameterizedTest
    @CsvSource({"libvips, 1", "libvips, 3", "libvips, 7", "java, 2", "java, 6"})
    void countsAtLeastTheFacesDrawn(String engine, int faces) throws Exception {
        BufferedImage group = TestFaces.group(40 + faces, 1600, 900, faces);

        PixelAnalysis analysis = analyse(engine, TestImages.jpeg(group, 0.9f), "image/jpeg", FaceDetector.Options.of(DEFAULTS));

        assertThat(analysis.faces()).isInstanceOf(FaceCount.Counted.class);
        assertThat(analysis.faces().count().orElseThrow()).isBetween(faces, faces + 1);
        assertThat(analysis.colours()).isNotEmpty();
    }

    @Test
    void findsAFaceInABigImageOnlyThroughItsPreviewSizedCopy() throws Exception {
        // 4800 px wide: the worker counts in a copy at most 1280 px a side, which it made itself
        PixelAnalysis analysis = analyse("libvips", TestImages.encode(TestFaces.group(5, 4800, 3200, 2), "png"), "image/png",
                FaceDetector.Options.of(DEFAULTS));

        assertThat(analysis.width()).isEqualTo(4800);
        assertThat(analysis.faces().count()).hasValue(2);
    }

    @Test
    void aWorkerKeepsOnePythonForManyImages() throws Exception {
        byte[] one = TestImages.jpeg(TestFaces.group(21, 1200, 800, 1), 0.9f);
        byte[] two = TestImages.jpeg(TestFaces.group(22, 1200, 800, 2), 0.9f);

        analyse("java", one, "image/jpeg", FaceDetector.Options.of(DEFAULTS));
        List<Long> first = detectors();
        PixelAnalysis second = analyse("java", two, "image/jpeg", FaceDetector.Options.of(DEFAULTS));

        assertThat(second.faces().count()).hasValue(2);
        assertThat(first).as("a running face counter").isNotEmpty();
        assertThat(detectors()).isEqualTo(first);
    }

    /** The face counters with the default cascade running under this JVM's workers (not the fake ones of other tests). */
    private static List<Long> detectors() {
        return ProcessHandle.current().descendants()
                .filter(p -> Processes.arguments(p).containsAll(List.of("--serve", DEFAULTS.cascade())))
                .map(ProcessHandle::pid)
                .toList();
    }

    @ParameterizedTest
    @CsvSource({"landscape", "gradient", "flat"})
    void anImageWithoutFacesCountsZero(String kind) throws Exception {
        BufferedImage image = switch (kind) {
            case "landscape" -> TestFaces.landscape(11, 1600, 900);
            case "gradient" -> gradient(1200, 800);
            default -> TestImages.image(800, 600, new Color(224, 172, 138), BufferedImage.TYPE_INT_RGB);
        };

        PixelAnalysis analysis = analyse("java", TestImages.encode(image, "png"), "image/png", FaceDetector.Options.of(DEFAULTS));

        assertThat(analysis.faces()).isEqualTo(new FaceCount.Counted(0));
    }

    @Test
    void withoutPythonOrTheModelTheCountIsUnknownWithTheReasonAndTheRestIsAnalysed() throws Exception {
        var noPython = new FaceDetector.Options("/nonexistent/python3", DEFAULTS.cascade(), 30_000, DataSize.ofGigabytes(1).toBytes());
        var noModel = new FaceDetector.Options(DEFAULTS.python(), dir.resolve("missing.xml").toString(), 30_000,
                DataSize.ofGigabytes(1).toBytes());
        byte[] group = TestImages.jpeg(TestFaces.group(3, 1200, 800, 2), 0.9f);

        PixelAnalysis withoutPython = analyse("java", group, "image/jpeg", noPython);
        PixelAnalysis withoutModel = analyse("java", group, "image/jpeg", noModel);

        assertThat(withoutPython.faces()).isInstanceOf(FaceCount.Unavailable.class);
        assertThat(withoutPython.faces().reason()).contains("/nonexistent/python3", "python3-opencv");
        assertThat(withoutPython.faces().count()).isEmpty();
        assertThat(withoutPython.colours()).isNotEmpty();
        assertThat(withoutModel.faces()).isInstanceOf(FaceCount.Unavailable.class);
        assertThat(withoutModel.faces().reason()).contains("missing.xml", "opencv-data");
    }

    @Test
    void aDetectorThatHangsIsStoppedAtItsTimeoutAndOneOverItsMemoryFails() throws Exception {
        Path hanging = Files.writeString(dir.resolve("python3"), "#!/bin/sh\nsleep 60\n");
        Files.setPosixFilePermissions(hanging, PosixFilePermissions.fromString("rwx------"));
        byte[] group = TestImages.jpeg(TestFaces.group(4, 1200, 800, 1), 0.9f);

        long started = System.nanoTime();
        FaceCount hung = analyse("java", group, "image/jpeg", new FaceDetector.Options(hanging.toString(), DEFAULTS.cascade(), 1_000,
                DataSize.ofGigabytes(1).toBytes())).faces();
        FaceCount starved = analyse("java", group, "image/jpeg", new FaceDetector.Options(DEFAULTS.python(), DEFAULTS.cascade(), 30_000,
                DataSize.ofMegabytes(64).toBytes())).faces();

        assertThat(hung).isInstanceOf(FaceCount.Failed.class);
        assertThat(hung.reason()).contains("longer than 1 s");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        assertThat(starved).isInstanceOf(FaceCount.Failed.class);
    }

    @Test
    void theCheckNamesTheEngineOrWhyThereIsNone() {
        assertThat(new FaceDetections(JAVA, DEFAULTS).status()).satisfies(d -> {
            assertThat(d.available()).isTrue();
            assertThat(d.detail()).startsWith("OpenCV 4").contains("haarcascade_frontalface_alt2.xml");
        });
        var missing = new FaceProperties(true, "/nonexistent/python3", DEFAULTS.cascade(), DEFAULTS.timeout(), DEFAULTS.memory());
        assertThat(new FaceDetections(JAVA, missing).status()).satisfies(d -> {
            assertThat(d.available()).isFalse();
            assertThat(d.detail()).contains("/nonexistent/python3 is not installed");
        });
        var off = new FaceProperties(false, DEFAULTS.python(), DEFAULTS.cascade(), DEFAULTS.timeout(), DEFAULTS.memory());
        assertThat(new FaceDetections(JAVA, off).status().detail()).contains("switched off");
        assertThat(new FaceDetections(JAVA, off).options().off()).isTrue();
    }

    private static BufferedImage gradient(int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(250, 190, 150), width, height, new Color(40, 30, 90)));
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    private PixelAnalysis analyse(String engine, byte[] content, String type, FaceDetector.Options faces) throws Exception {
        Path file = Files.write(Files.createTempFile(dir, "in", ".bin"), content);
        Path out = Files.createTempDirectory(dir, "out");
        var render = new RenderRequest(file.toString(), type, out.toString(), AnalysisRequest.targets(faces), 250_000_000L, 0.85f);
        AnalysisResponse response = pool(engine).analyse(new AnalysisRequest(render, faces));
        assertThat(response.outcome()).as(response.message()).isEqualTo("ok");
        return response.analysis();
    }

    private static MediaWorkerPool pool(String engine) {
        if (engine.equals("libvips")) {
            assumeThat(VIPS.capabilities().typesByEngine().keySet()).as("libvips is installed").anyMatch(e -> e.startsWith("libvips"));
            return VIPS;
        }
        return JAVA;
    }
}
