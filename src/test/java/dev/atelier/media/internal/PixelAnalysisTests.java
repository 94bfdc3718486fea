package dev.atelier.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.atelier.media.ColourName;
import dev.atelier.media.PixelAnalysis;
import dev.atelier.media.internal.WorkerProtocol.RenderRequest;
import dev.atelier.testsupport.TestDocuments;
import dev.atelier.testsupport.TestImages;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

/** Pixel analysis through real worker processes, with libvips and with the pure-Java engine alone. */
class PixelAnalysisTests {

    static final MediaWorkerPool VIPS = new MediaWorkerPool(new WorkerLauncher(DataSize.ofMegabytes(128)), 1, Duration.ofSeconds(60));
    static final MediaWorkerPool JAVA = new MediaWorkerPool(new WorkerLauncher(DataSize.ofMegabytes(128), false), 1, Duration.ofSeconds(60));

    @TempDir
    Path dir;

    @AfterAll
    static void stopWorkers() {
        VIPS.destroy();
        JAVA.destroy();
    }

    @ParameterizedTest
    @ValueSource(strings = {"libvips", "java"})
    void namesTheDominantColourOfAMostlyRedImage(String engine) throws Exception {
        var image = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 400, 300);
        g.setColor(new Color(20, 40, 200));
        g.fillRect(0, 240, 400, 60);
        g.dispose();

        PixelAnalysis analysis = analyse(engine, TestImages.encode(image, "png"), "image/png");

        ColourName first = analysis.colours().getFirst();
        assertThat(first.name()).isEqualTo("red");
        assertThat(first.share()).isBetween(0.75, 0.85);
        assertThat(channels(first.hex())).satisfies(c -> {
            assertThat(c[0]).isGreaterThan(235);
            assertThat(c[1]).isLessThan(20);
            assertThat(c[2]).isLessThan(20);
        });
        assertThat(analysis.colours()).extracting(ColourName::name).contains("blue").doesNotContain("green", "yellow");
        assertThat(analysis.width()).isEqualTo(400);
        assertThat(analysis.height()).isEqualTo(300);
        assertThat(analysis.pixels()).isEqualTo(120_000);
        assertThat(analysis.megapixelClass()).isEqualTo("<1 MP");
        assertThat(analysis.transparent()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"libvips", "java"})
    void transparencyNeedsAPixelThatIsNotOpaqueNotJustAnAlphaChannel(String engine) throws Exception {
        var opaque = TestImages.image(300, 200, Color.GREEN, BufferedImage.TYPE_INT_ARGB);
        var holed = TestImages.image(300, 200, Color.GREEN, BufferedImage.TYPE_INT_ARGB);
        var g = holed.createGraphics();
        g.setComposite(java.awt.AlphaComposite.Clear);
        g.fillRect(0, 0, 60, 200);
        g.dispose();

        assertThat(opaque.getColorModel().hasAlpha()).isTrue();
        assertThat(analyse(engine, TestImages.encode(opaque, "png"), "image/png").transparent()).isFalse();
        assertThat(analyse(engine, TestImages.encode(holed, "png"), "image/png").transparent()).isTrue();
        assertThat(analyse(engine, TestImages.jpeg(300, 200, Color.GREEN), "image/jpeg").transparent()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"libvips", "java"})
    void aResizedReencodedCopyHashesCloseAndAnotherSceneFar(String engine) throws Exception {
        BufferedImage scene = TestImages.scene(42, 1200, 800);
        long original = analyse(engine, TestImages.encode(scene, "png"), "image/png").hash();
        long copy = analyse(engine, TestImages.jpeg(TestImages.resized(scene, 500, 333), 0.6f), "image/jpeg").hash();
        long other = analyse(engine, TestImages.encode(TestImages.scene(7, 1200, 800), "png"), "image/png").hash();

        assertThat(Long.bitCount(original ^ copy)).isLessThanOrEqualTo(4);
        assertThat(Long.bitCount(original ^ other)).isGreaterThan(16);
    }

    @ParameterizedTest
    @ValueSource(strings = {"libvips"})
    void analysesTheFirstPageOfAPdf(String engine) throws Exception {
        PixelAnalysis analysis = analyse(engine, TestDocuments.pdf(2, 200, 300), "application/pdf");

        assertThat(analysis.width()).isEqualTo(200);
        assertThat(analysis.colours()).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"libvips", "java"})
    void aDamagedFileIsRefusedWithAReason(String engine) throws Exception {
        Path file = Files.write(dir.resolve("bad.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});

        AnalysisResponse response = pool(engine).analyse(request(file, "image/png"));

        assertThat(response.outcome()).isEqualTo("unreadable");
        assertThat(response.message()).isNotBlank();
    }

    private PixelAnalysis analyse(String engine, byte[] content, String type) throws Exception {
        Path file = Files.write(Files.createTempFile(dir, "in", ".bin"), content);
        AnalysisResponse response = pool(engine).analyse(request(file, type));
        assertThat(response.outcome()).as(response.message()).isEqualTo("ok");
        return response.analysis();
    }

    private AnalysisRequest request(Path file, String type) throws Exception {
        Path out = Files.createTempDirectory(dir, "out");
        return new AnalysisRequest(new RenderRequest(file.toString(), type, out.toString(), List.of(PixelAnalyser.target()), 250_000_000L,
                0.85f), FaceDetector.Options.OFF);
    }

    private static MediaWorkerPool pool(String engine) {
        if (engine.equals("libvips")) {
            assumeThat(VIPS.capabilities().typesByEngine().keySet()).as("libvips is installed").anyMatch(e -> e.startsWith("libvips"));
            return VIPS;
        }
        return JAVA;
    }

    private static int[] channels(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return new int[] {(rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff};
    }
}
