package dev.atelier.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.atelier.media.internal.WorkerProtocol.RenderRequest;
import dev.atelier.media.internal.WorkerProtocol.RenderResponse;
import dev.atelier.media.internal.WorkerProtocol.Target;
import dev.atelier.testsupport.TestDocuments;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.unit.DataSize;

/**
 * Every format libvips previews, through real worker processes, checked for size, orientation
 * and colour. The samples (see {@code src/test/resources/media/README.md}) are one 640×400 image:
 * a green band on top, red on the left, blue on the right. CI installs libvips; without it these
 * tests are skipped and the Java engine's own tests still run.
 */
class MediaFormatsTests {

    static final Color RED = new Color(220, 30, 30);
    static final Color BLUE = new Color(30, 60, 220);
    static final Color GREEN = new Color(30, 200, 60);

    static MediaWorkerPool pool = new MediaWorkerPool(new WorkerLauncher(DataSize.ofMegabytes(64)), 1, Duration.ofSeconds(60));

    @TempDir
    Path dir;

    @BeforeAll
    static void requireLibvips() {
        assumeThat(pool.capabilities().typesByEngine().keySet()).as("libvips is installed")
                .anyMatch(engine -> engine.startsWith("libvips"));
    }

    @AfterAll
    static void stopWorkers() {
        pool.destroy();
    }

    @Test
    void reportsWhichEngineTakesWhichType() {
        var engines = pool.capabilities().typesByEngine();
        String vips = engines.keySet().stream().filter(e -> e.startsWith("libvips")).findFirst().orElseThrow();
        assertThat(engines.get(vips)).contains("image/avif", "image/heic", "application/pdf", "image/svg+xml", "image/jpeg");
        assertThat(engines.get("java-imageio")).contains("image/bmp").doesNotContain("image/jpeg");
    }

    @ParameterizedTest
    @CsvSource({"sample.avif, image/avif", "sample.heic, image/heic", "rgb16.tif, image/tiff",
            "cmyk-no-profile.jpg, image/jpeg", "display-p3.jpg, image/jpeg"})
    void previewsTheSampleInSrgbAtTheRightSize(String sample, String type) throws Exception {
        // the thumbnail is reduced from the preview held in memory: it must come out the same way
        RenderResponse response = pool.render(new RenderRequest(copy(sample).toString(), type, dir.toString(),
                List.of(new Target("thumbnail", 160), new Target("preview", 640)), 250_000_000L, 0.9f));
        assertThat(response.outcome()).as(response.message()).isEqualTo("ok");

        BufferedImage thumbnail = ImageIO.read(Path.of(response.outputs().get(0).path()).toFile());
        BufferedImage preview = ImageIO.read(Path.of(response.outputs().get(1).path()).toFile());
        assertThat(thumbnail.getWidth()).isEqualTo(160);
        assertThat(thumbnail.getHeight()).isEqualTo(100);
        assertThat(preview.getWidth()).isEqualTo(640);
        assertThat(preview.getHeight()).isEqualTo(400);
        // CMYK cannot hold this saturated blue: it comes back duller, but still clearly blue
        int tolerance = sample.startsWith("cmyk") ? 130 : 40;
        for (BufferedImage image : List.of(thumbnail, preview)) {
            assertColour(image, 0.25, 0.7, RED, tolerance);
            assertColour(image, 0.75, 0.7, BLUE, tolerance);
            assertColour(image, 0.5, 0.1, GREEN, tolerance);
        }
    }

    @Test
    void previewsTheFirstPageOfAPdf() throws Exception {
        Path pdf = Files.write(dir.resolve("brief.pdf"), TestDocuments.pdf(3, 600, 300));

        BufferedImage thumbnail = render(pdf, "application/pdf", 400);

        assertThat(thumbnail.getWidth()).isEqualTo(400);
        assertThat(thumbnail.getHeight()).isEqualTo(200);
        assertColour(thumbnail, 0.25, 0.5, RED);
        assertColour(thumbnail, 0.75, 0.5, BLUE);
    }

    @Test
    void rendersSvgWithoutFetchingAnythingItReferences() throws Exception {
        Path secret = Files.write(dir.resolve("secret.png"), dev.atelier.testsupport.TestImages.png(50, 50, GREEN));
        String svg = """
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="400" height="200">
                  <rect width="400" height="200" fill="rgb(30,60,220)"/>
                  <image x="0" y="0" width="400" height="200" xlink:href="secret.png"/>
                  <image x="0" y="0" width="400" height="200" xlink:href="%s"/>
                  <script>document.querySelector('rect').setAttribute('fill', 'red')</script>
                </svg>
                """.formatted(secret.toUri());
        Path file = Files.writeString(dir.resolve("logo.svg"), svg, StandardCharsets.UTF_8);

        BufferedImage thumbnail = render(file, "image/svg+xml", 200);

        assertThat(thumbnail.getWidth()).isEqualTo(200);
        assertThat(thumbnail.getHeight()).isEqualTo(100);
        assertColour(thumbnail, 0.5, 0.5, BLUE);
    }

    @Test
    void refusesContentThatDoesNotMatchItsSniffedType() throws Exception {
        Path png = Files.write(dir.resolve("photo.jpg"), dev.atelier.testsupport.TestImages.png(100, 100, RED));

        RenderResponse response = pool.render(request(png, "image/jpeg", 100));

        assertThat(response.outcome()).isEqualTo("unreadable");
        assertThat(response.message()).contains("not a readable JPEG");
    }

    @Test
    void refusesAnAvifThatAnnouncesTooManyPixels() throws Exception {
        RenderResponse response = pool.render(new RenderRequest(copy("sample.avif").toString(), "image/avif", dir.toString(),
                List.of(new Target("t", 100)), 100_000, 0.85f));

        assertThat(response.outcome()).isEqualTo("too-large");
    }

    @Test
    void refusesDocumentsWithTooManyPagesAndAnimationsWithTooManyFramePixels() throws Exception {
        Path pdf = Files.write(dir.resolve("long.pdf"), TestDocuments.pdf(3, 300, 300));
        Path gif = Files.write(dir.resolve("anim.gif"), dev.atelier.testsupport.TestImages.animatedGif(200, 100, 5, RED, BLUE));
        List<Target> thumbnail = List.of(new Target("t", 100));

        RenderResponse pages = pool.render(new RenderRequest(pdf.toString(), "application/pdf", dir.toString(), thumbnail,
                250_000_000L, 0.85f, Long.MAX_VALUE, Long.MAX_VALUE, 2));
        RenderResponse frames = pool.render(new RenderRequest(gif.toString(), "image/gif", dir.toString(), thumbnail,
                250_000_000L, 0.85f, Long.MAX_VALUE, 4 * 200 * 100, 100));
        RenderResponse fine = pool.render(new RenderRequest(gif.toString(), "image/gif", dir.toString(), thumbnail,
                250_000_000L, 0.85f, Long.MAX_VALUE, 5 * 200 * 100, 100));

        assertThat(pages.outcome()).isEqualTo("too-large");
        assertThat(pages.message()).contains("3 pages");
        assertThat(frames.outcome()).isEqualTo("too-large");
        assertThat(frames.message()).contains("5 frames");
        assertThat(fine.outcome()).as(fine.message()).isEqualTo("ok");
    }

    private BufferedImage render(Path input, String type, int edge) throws Exception {
        RenderResponse response = pool.render(request(input, type, edge));
        assertThat(response.outcome()).as(response.message()).isEqualTo("ok");
        return ImageIO.read(Path.of(response.outputs().getFirst().path()).toFile());
    }

    private RenderRequest request(Path input, String type, int edge) {
        return new RenderRequest(input.toString(), type, dir.toString(), List.of(new Target("t", edge)), 250_000_000L, 0.9f);
    }

    private Path copy(String sample) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/media/" + sample)) {
            Path file = dir.resolve(sample);
            Files.copy(in, file);
            return file;
        }
    }

    private static void assertColour(BufferedImage image, double x, double y, Color expected) {
        assertColour(image, x, y, expected, 40);
    }

    private static void assertColour(BufferedImage image, double x, double y, Color expected, int tolerance) {
        Color actual = new Color(image.getRGB((int) (image.getWidth() * x), (int) (image.getHeight() * y)));
        assertThat(distance(actual, expected)).as("colour at (%.2f, %.2f) is %s, expected about %s", x, y, actual, expected)
                .isLessThan(tolerance);
    }

    private static int distance(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) + Math.abs(a.getGreen() - b.getGreen()) + Math.abs(a.getBlue() - b.getBlue());
    }
}
