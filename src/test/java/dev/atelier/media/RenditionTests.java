package dev.atelier.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.atelier.testsupport.Api;
import dev.atelier.testsupport.AwaitRenditions;
import dev.atelier.testsupport.IntegrationTest;
import dev.atelier.testsupport.Multipart;
import dev.atelier.testsupport.TestDocuments;
import dev.atelier.testsupport.TestImages;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Thumbnails and previews are made in the background after upload, with a status per rendition. */
class RenditionTests extends IntegrationTest {

    @ParameterizedTest
    @ValueSource(strings = {"jpeg", "png", "gif", "bmp", "tiff"})
    void makesThumbnailAndPreviewForCommonImageFormats(String format) throws Exception {
        int type = format.equals("png") ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        byte[] image = TestImages.encode(TestImages.image(3000, 1500, Color.ORANGE, type), format);
        String id = upload("photo." + format, image);

        JsonNode renditions = awaitSettled(id);

        assertThat(renditions.findValuesAsString("status")).containsOnly("ready");
        BufferedImage thumbnail = read(admin().get("/api/v1/assets/" + id + "/renditions/thumbnail"));
        BufferedImage preview = read(admin().get("/api/v1/assets/" + id + "/renditions/preview"));
        assertThat(thumbnail.getWidth()).isEqualTo(400);
        assertThat(thumbnail.getHeight()).isEqualTo(200);
        assertThat(preview.getWidth()).isEqualTo(2048);
        assertThat(admin().get("/api/v1/assets/" + id + "/renditions/thumbnail").header("Content-Type")).isEqualTo("image/jpeg");
    }

    @Test
    void makesThumbnailsOfWebp() throws Exception {
        byte[] webp;
        try (var in = getClass().getResourceAsStream("/media/sample.webp")) {
            webp = in.readAllBytes();
        }
        String id = upload("sample.webp", webp);

        assertThat(awaitSettled(id).findValuesAsString("status")).containsOnly("ready");
        assertThat(read(admin().get("/api/v1/assets/" + id + "/renditions/thumbnail")).getWidth()).isEqualTo(400);
    }

    @ParameterizedTest
    @CsvSource({"sample.avif, image/avif", "sample.heic, image/heic", "rgb16.tif, image/tiff", "cmyk-no-profile.jpg, image/jpeg"})
    void previewsModernAndProfessionalImageFormats(String sample, String sniffed) throws Exception {
        assumeLibvips();
        byte[] bytes;
        try (var in = getClass().getResourceAsStream("/media/" + sample)) {
            bytes = in.readAllBytes();
        }
        JsonNode created = admin().upload("/api/v1/assets", Multipart.file(sample, null, bytes)).json();
        String id = created.get("id").asString();

        assertThat(created.get("mediaType").asString()).isEqualTo(sniffed);
        assertThat(awaitSettled(id).findValuesAsString("status")).containsOnly("ready");
        BufferedImage thumbnail = read(admin().get("/api/v1/assets/" + id + "/renditions/thumbnail"));
        assertThat(thumbnail.getWidth()).isEqualTo(400);
        assertThat(thumbnail.getHeight()).isEqualTo(250);
    }

    @Test
    void previewsThePdfsFirstPageAndSvgDrawings() throws Exception {
        assumeLibvips();
        String pdf = upload("brief.pdf", TestDocuments.pdf(2, 842, 595));
        String svg = upload("logo.svg", """
                <svg xmlns="http://www.w3.org/2000/svg" width="300" height="300"><circle cx="150" cy="150" r="140" fill="teal"/></svg>
                """.getBytes(StandardCharsets.UTF_8));

        assertThat(awaitSettled(pdf).findValuesAsString("status")).containsOnly("ready");
        assertThat(awaitSettled(svg).findValuesAsString("status")).containsOnly("ready");
        BufferedImage page = read(admin().get("/api/v1/assets/" + pdf + "/renditions/thumbnail"));
        assertThat(page.getWidth()).isEqualTo(400);
        assertThat(page.getHeight()).isEqualTo(283);
        assertThat(read(admin().get("/api/v1/assets/" + svg + "/renditions/preview")).getWidth()).isEqualTo(300);
    }

    @Test
    void previewsThePhotoshopComposite() throws Exception {
        JsonNode created = admin().upload("/api/v1/assets", Multipart.file("layout.psd", null,
                TestDocuments.psd(800, 400, new Color(40, 160, 90)))).json();

        assertThat(created.get("mediaType").asString()).isEqualTo("image/vnd.adobe.photoshop");
        assertThat(awaitSettled(created.get("id").asString()).findValuesAsString("status")).containsOnly("ready");
        BufferedImage thumbnail = read(admin().get("/api/v1/assets/" + created.get("id").asString() + "/renditions/thumbnail"));
        assertThat(thumbnail.getWidth()).isEqualTo(400);
        assertThat(thumbnail.getHeight()).isEqualTo(200);
        assertThat(new Color(thumbnail.getRGB(200, 100)).getGreen()).isBetween(150, 170);
    }

    @Test
    void neverEnlargesSmallImages() throws Exception {
        String id = upload("tiny.png", TestImages.png(120, 80, Color.GREEN));
        awaitSettled(id);
        assertThat(read(admin().get("/api/v1/assets/" + id + "/renditions/preview")).getWidth()).isEqualTo(120);
    }

    @Test
    void marksTypesWithoutAPreviewAsUnsupported() {
        String id = upload("notes.txt", "plain words".getBytes(StandardCharsets.UTF_8));

        JsonNode renditions = awaitSettled(id);

        assertThat(renditions.findValuesAsString("status")).containsOnly("unsupported");
        var image = admin().get("/api/v1/assets/" + id + "/renditions/thumbnail");
        assertThat(image.status()).isEqualTo(404);
        assertThat(image.json().get("type").asString()).isEqualTo("/problems/rendition-not-ready");
    }

    @Test
    void refusesAnImageWhoseHeaderAnnouncesTooManyPixelsWithoutDecodingIt() {
        String id = upload("bomb.png", pngHeaderOnly(100_000, 100_000));

        JsonNode renditions = awaitSettled(id);

        assertThat(renditions.findValuesAsString("status")).containsOnly("failed");
        assertThat(renditions.get(0).get("reason").asString()).contains("100000×100000").contains("limit");
        assertThat(admin().get("/api/v1/assets/" + id).status()).isEqualTo(200);
    }

    @Test
    void reportsADamagedImageAsFailedAndKeepsTheAsset() {
        byte[] damaged = TestImages.jpeg(800, 600, Color.RED);
        for (int i = 600; i < damaged.length - 2; i++) {
            damaged[i] = (byte) 0xFF;
        }
        String id = upload("damaged.jpg", damaged);

        JsonNode renditions = awaitSettled(id);

        assertThat(renditions.findValuesAsString("status")).allMatch(s -> s.equals("failed") || s.equals("ready"));
        assertThat(admin().get("/api/v1/assets/" + id + "/content").bytes()).isEqualTo(damaged);
    }

    @Test
    void rendersEachVersionSeparately() {
        String id = upload("v.png", TestImages.png(500, 500, Color.BLUE));
        admin().upload("/api/v1/assets/" + id + "/versions", Multipart.file("v2.png", null, TestImages.png(300, 100, Color.RED)));

        JsonNode v2 = awaitSettled(id);

        assertThat(v2.get(0).get("version").asInt()).isEqualTo(2);
        assertThat(admin().get("/api/v1/assets/" + id + "/renditions?version=1").json().get(0).get("width").asInt()).isEqualTo(400);
    }

    private void assumeLibvips() {
        JsonNode engines = admin().get("/actuator/health/media").json().path("details").path("engines");
        assumeThat(engines.propertyNames()).as("libvips is installed").anyMatch(name -> name.startsWith("libvips"));
    }

    private String upload(String name, byte[] bytes) {
        var response = admin().upload("/api/v1/assets", Multipart.file(name, null, bytes));
        assertThat(response.status()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private JsonNode awaitSettled(String id) {
        return AwaitRenditions.settled(admin(), id);
    }

    private static BufferedImage read(Api.Response response) throws Exception {
        assertThat(response.status()).isEqualTo(200);
        return ImageIO.read(new ByteArrayInputStream(response.bytes()));
    }

    /** A PNG that announces a size but carries only the first row of pixel data, as a decompression bomb might. */
    static byte[] pngHeaderOnly(int width, int height) {
        var out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2).put((byte) 0)
                .put((byte) 0).put((byte) 0).array());
        var deflater = new java.util.zip.Deflater();
        deflater.setInput(new byte[1 + 3 * width]);
        byte[] row = new byte[4096];
        int n = deflater.deflate(row, 0, row.length, java.util.zip.Deflater.SYNC_FLUSH);
        deflater.end();
        chunk(out, "IDAT", java.util.Arrays.copyOf(row, n));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(typeBytes);
        out.writeBytes(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
