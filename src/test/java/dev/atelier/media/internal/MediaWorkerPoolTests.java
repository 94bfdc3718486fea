package dev.atelier.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.media.internal.WorkerProtocol.RenderRequest;
import dev.atelier.media.internal.WorkerProtocol.RenderResponse;
import dev.atelier.media.internal.WorkerProtocol.Target;
import dev.atelier.testsupport.Processes;
import dev.atelier.testsupport.TestImages;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** Real worker processes: decoding happens outside this JVM, and a worker that fails is replaced. */
class MediaWorkerPoolTests {

    @TempDir
    Path dir;

    MediaWorkerPool pool = new MediaWorkerPool(new WorkerLauncher(DataSize.ofMegabytes(64)), 1, Duration.ofSeconds(60));

    @AfterEach
    void stopWorkers() {
        pool.destroy();
    }

    @Test
    void rendersInAWorkerProcess() throws Exception {
        RenderResponse response = pool.render(request(image("photo.png", 1600, 900), List.of(new Target("thumbnail", 400),
                new Target("preview", 1200))));

        assertThat(response.outcome()).isEqualTo("ok");
        assertThat(response.outputs()).extracting(WorkerProtocol.Output::width).containsExactly(400, 1200);
        BufferedImage thumbnail = ImageIO.read(Path.of(response.outputs().getFirst().path()).toFile());
        assertThat(thumbnail.getHeight()).isEqualTo(225);
        assertThat(pool.running()).isEqualTo(1);
    }

    @Test
    void aRequestPlannedOnTheOriginalsSizeScalesTheSmallerInputAndTakesNoRegions() throws Exception {
        Path preview = image("preview.png", 800, 400);

        // the input is half the original's size: the layout is the original's (1200 × 600, which the
        // 800 × 400 input alone would never be enlarged to), the pixels the input's
        RenderResponse planned = pool.render(request(preview, List.of(new Target("t", 1200))).planningAs(1600, 800));
        var region = new Target("r", 100, 100, "fill", "center", "jpeg", 0, new WorkerProtocol.Transform(0, 0, 50, 50, 0, false, "color", 0));
        RenderResponse refused = pool.render(request(preview, List.of(region)).planningAs(1600, 800));

        assertThat(planned.outcome()).as(planned.message()).isEqualTo("ok");
        assertThat(planned.outputs().getFirst().width()).isEqualTo(1200);
        assertThat(planned.outputs().getFirst().height()).isEqualTo(600);
        assertThat(refused.outcome()).isEqualTo("error");
        assertThat(refused.message()).contains("whole first pages of images only");
    }

    @Test
    void turnsPortraitPhotosUpright() throws Exception {
        // stored left red, right blue; orientation 6 turns it a quarter clockwise: red on top
        byte[] sideways = ExifOrientationTests.withExif(TestImages.encode(TestImages.halves(800, 400), "jpeg"), 6,
                java.nio.ByteOrder.BIG_ENDIAN);
        Path photo = Files.write(dir.resolve("portrait.jpg"), sideways);

        RenderResponse response = pool.render(request(photo, "image/jpeg", List.of(new Target("thumbnail", 400),
                new Target("preview", 1200))));

        assertThat(response.outcome()).as(response.message()).isEqualTo("ok");
        // the thumbnail is reduced from the upright preview in memory: turned once, not twice
        assertThat(response.outputs()).extracting(WorkerProtocol.Output::width).containsExactly(200, 400);
        assertThat(response.outputs()).extracting(WorkerProtocol.Output::height).containsExactly(400, 800);
        for (WorkerProtocol.Output output : response.outputs()) {
            BufferedImage image = ImageIO.read(Path.of(output.path()).toFile());
            Color top = new Color(image.getRGB(image.getWidth() / 4, image.getHeight() / 4));
            Color bottom = new Color(image.getRGB(image.getWidth() * 3 / 4, image.getHeight() * 3 / 4));
            assertThat(top.getRed()).as(output.name() + " top").isGreaterThan(200);
            assertThat(top.getBlue()).as(output.name() + " top").isLessThan(60);
            assertThat(bottom.getBlue()).as(output.name() + " bottom").isGreaterThan(200);
            assertThat(bottom.getRed()).as(output.name() + " bottom").isLessThan(60);
        }
    }

    @Test
    void reducesSixteenBitImagesToTheRightTones() throws Exception {
        BufferedImage gray16 = new BufferedImage(300, 200, BufferedImage.TYPE_USHORT_GRAY);
        var raster = gray16.getRaster();
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 300; x++) {
                raster.setSample(x, y, 0, x < 150 ? 0x2000 : 0xE000);
            }
        }
        Path png = Files.write(dir.resolve("gray16.png"), TestImages.encode(gray16, "png"));

        RenderResponse response = pool.render(request(png, List.of(new Target("t", 150))));

        BufferedImage out = ImageIO.read(Path.of(response.outputs().getFirst().path()).toFile());
        // raw samples: getRGB would pass a grey JPEG through Java's linear grey colour space
        int dark = out.getRaster().getSample(20, 50, 0);
        int light = out.getRaster().getSample(130, 50, 0);
        // PNG samples are display values: 16-bit 0x2000 and 0xE000 are 8-bit 0x20 and 0xE0 (not the low byte, 0x00)
        assertThat(dark).isBetween(0x20 - 6, 0x20 + 6);
        assertThat(light).isBetween(0xE0 - 6, 0xE0 + 6);
    }

    @Test
    void theJavaEngineCoversAndContainsLikeLibvips() throws Exception {
        pool.destroy();
        pool = new MediaWorkerPool(new WorkerLauncher(DataSize.ofMegabytes(64), false), 1, Duration.ofSeconds(60));
        Path input = Files.write(dir.resolve("halves.png"), TestImages.encode(TestImages.halves(600, 300), "png"));

        RenderResponse response = pool.render(request(input, List.of(new Target("east", 100, 100, "cover", "east", "jpeg", 90),
                new Target("boxed", 100, 100, "contain", "center", "png", 0))));
        RenderResponse webp = pool.render(request(input, List.of(new Target("w", 100, 100, "inside", "center", "webp", 80))));

        assertThat(response.outcome()).as(response.message()).isEqualTo("ok");
        BufferedImage east = ImageIO.read(Path.of(response.outputs().get(0).path()).toFile());
        BufferedImage boxed = ImageIO.read(Path.of(response.outputs().get(1).path()).toFile());
        assertThat(east.getWidth()).isEqualTo(100);
        assertThat(east.getRaster().getSample(10, 50, 2)).as("blue").isGreaterThan(200);
        assertThat(boxed.getHeight()).isEqualTo(100);
        assertThat(boxed.getRGB(50, 5) >>> 24).isZero();
        assertThat(webp.outcome()).isEqualTo("unsupported");

        // a IIIF-style request: the right half's centre, turned a quarter, in grey
        var region = new WorkerProtocol.Transform(300, 0, 300, 300, 90, false, "gray");
        RenderResponse iiif = pool.render(request(input, List.of(new Target("r", 100, 100, "fill", "center", "png", 0, region))));
        BufferedImage tile = ImageIO.read(Path.of(iiif.outputs().getFirst().path()).toFile());
        assertThat(tile.getRaster().getNumBands()).isEqualTo(1);
        assertThat(tile.getWidth()).isEqualTo(100);
        assertThat(tile.getRaster().getSample(50, 50, 0)).as("blue in grey is dark").isLessThan(80);
    }

    @Test
    void enrichmentRunsOnWorkersOfItsOwnAtALowerPriority() throws Exception {
        List<ProcessHandle> before = workers();
        Path photo = image("photo.png", 800, 600);

        RenderResponse preview = pool.render(request(photo, List.of(new Target("preview", 400))));
        RenderResponse forOcr = pool.renderForEnrichment(request(photo, List.of(new Target("ocr", 400))));

        assertThat(preview.outcome()).isEqualTo("ok");
        assertThat(forOcr.outcome()).isEqualTo("ok");
        List<ProcessHandle> started = workers().stream().filter(w -> !before.contains(w)).toList();
        assertThat(started).hasSize(2);
        int own = Processes.niceness(ProcessHandle.current());
        assertThat(started).extracting(Processes::niceness).containsExactlyInAnyOrder(own, Math.min(19, own + 10));
        assertThat(pool.running()).isEqualTo(2);
    }

    /** The media workers this JVM started (any test's). */
    private static List<ProcessHandle> workers() {
        return ProcessHandle.current().children().filter(p -> Processes.arguments(p).contains(MediaWorkerMain.class.getName())).toList();
    }

    @Test
    void reusesItsWorkers() throws Exception {
        Path image = image("again.png", 300, 300);
        for (int i = 0; i < 3; i++) {
            assertThat(pool.render(request(image, List.of(new Target("t" + i, 100)))).outcome()).isEqualTo("ok");
        }
        assertThat(pool.replacedWorkers()).isZero();
    }

    @Test
    void aJobThatOutlivesTheShutdownLeavesNoWorkerRunning() throws Exception {
        // as a job still running when the server stops: its worker is taken after destroy() emptied the idle list
        pool.destroy();

        assertThat(pool.render(request(image("late.png", 300, 200), List.of(new Target("t", 100)))).outcome()).isEqualTo("ok");

        assertThat(pool.running()).isZero();
    }

    @Test
    void replacesAWorkerThatRunsOutOfMemoryAndStaysUsable() throws Exception {
        // the Java engine decodes 7000×7000 at full size into ~190 MB of heap; the worker may use 64 MB
        pool.destroy();
        pool = new MediaWorkerPool(new WorkerLauncher(DataSize.ofMegabytes(64), false), 1, Duration.ofSeconds(60));
        RenderResponse crashed = pool.render(request(image("huge.png", 7000, 7000), List.of(new Target("full", 7000))));

        assertThat(crashed.outcome()).isEqualTo("error");
        assertThat(crashed.message()).contains("crashed").contains("twice");
        assertThat(pool.replacedWorkers()).isEqualTo(2);
        assertThat(pool.render(request(image("after.png", 200, 100), List.of(new Target("t", 100)))).outcome()).isEqualTo("ok");
    }

    @Test
    void replacesAWorkerThatGrowsPastItsMemoryLimit() throws Exception {
        // a JVM alone is resident with more than 24 MB, so every worker is over this limit
        pool.destroy();
        pool = new MediaWorkerPool(new WorkerLauncher(DataSize.ofMegabytes(64)), 1, Duration.ofSeconds(60),
                DataSize.ofMegabytes(24).toBytes());

        RenderResponse response = pool.render(request(image("any.png", 200, 100), List.of(new Target("t", 100))));

        assertThat(response.outcome()).isEqualTo("error");
        assertThat(response.message()).contains("memory").contains("limit of 24 MB").contains("twice");
        assertThat(pool.replacedWorkers()).isEqualTo(2);
    }

    @Test
    void killsAWorkerThatTakesTooLong() throws Exception {
        Path image = image("slow.png", 2000, 2000);

        RenderResponse slow = pool.render(request(image, List.of(new Target("t", 400))), Duration.ofMillis(1));

        assertThat(slow.outcome()).isEqualTo("error");
        assertThat(slow.message()).contains("longer than");
        assertThat(pool.replacedWorkers()).isEqualTo(2);
        assertThat(pool.render(request(image, List.of(new Target("t", 400)))).outcome()).isEqualTo("ok");
    }

    @Test
    void reportsUnreadableAndUnsupportedInputsWithoutCrashing() throws Exception {
        Path garbage = Files.write(dir.resolve("garbage.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3});
        Path text = Files.writeString(dir.resolve("notes.txt"), "words");

        assertThat(pool.render(request(garbage, "image/jpeg", List.of(new Target("t", 100)))).outcome()).isEqualTo("unreadable");
        assertThat(pool.render(request(text, "text/plain", List.of(new Target("t", 100)))).outcome()).isEqualTo("unsupported");
        assertThat(pool.replacedWorkers()).isZero();
    }

    private Path image(String name, int width, int height) throws Exception {
        return Files.write(dir.resolve(name), TestImages.png(width, height, Color.CYAN));
    }

    private RenderRequest request(Path input, List<Target> targets) {
        return request(input, "image/png", targets);
    }

    private RenderRequest request(Path input, String type, List<Target> targets) {
        return new RenderRequest(input.toString(), type, dir.toString(), targets, 250_000_000L, 0.85f);
    }
}
