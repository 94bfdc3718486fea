package dev.atelier.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.atelier.testsupport.Api;
import dev.atelier.testsupport.AwaitRenditions;
import dev.atelier.testsupport.IntegrationTest;
import dev.atelier.testsupport.Multipart;
import dev.atelier.testsupport.TestImages;
import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;

/** An animated GIF's thumbnail is its first frame; its preview keeps the animation, as an animated WebP (libvips). */
class AnimatedImageTests extends IntegrationTest {

    @Test
    void theThumbnailIsTheFirstFrameAndThePreviewKeepsTheAnimation() throws Exception {
        assumeThat(admin().get("/actuator/health/media").json().path("details").path("engines").propertyNames())
                .as("libvips is installed").anyMatch(name -> name.startsWith("libvips"));
        var created = admin().upload("/api/v1/assets", Multipart.file("spinner.gif", null,
                TestImages.animatedGif(600, 300, 4, Color.RED, Color.BLUE)));
        String id = created.json().get("id").asString();

        assertThat(AwaitRenditions.settled(admin(), id).findValuesAsString("status")).containsOnly("ready");
        Api.Response thumbnail = admin().get("/api/v1/assets/" + id + "/renditions/thumbnail");
        Api.Response preview = admin().get("/api/v1/assets/" + id + "/renditions/preview");

        assertThat(thumbnail.header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(frames(thumbnail.bytes())).isEqualTo(1);
        var first = ImageIO.read(new ByteArrayInputStream(thumbnail.bytes()));
        assertThat(first.getWidth()).isEqualTo(400);
        assertThat(new Color(first.getRGB(200, 100)).getRed()).as("the first frame is red").isGreaterThan(200);
        assertThat(preview.header("Content-Type")).isEqualTo("image/webp");
        assertThat(webpFrames(preview.bytes())).isEqualTo(4);
        assertThat(webpCanvas(preview.bytes())).as("each frame at the source's size, never enlarged").containsExactly(600, 300);
    }

    /** Images in a file ImageIO reads (JPEG: always one). */
    private static int frames(byte[] bytes) throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            var reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            return reader.getNumImages(true);
        }
    }

    /** The frames ({@code ANMF} chunks) of an animated WebP, walking its RIFF chunks. */
    private static int webpFrames(byte[] webp) {
        assertThat(new String(webp, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WEBP");
        int frames = 0;
        for (int at = 12; at + 8 <= webp.length; ) {
            String type = new String(webp, at, 4, StandardCharsets.US_ASCII);
            int size = ByteBuffer.wrap(webp, at + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            frames += type.equals("ANMF") ? 1 : 0;
            at += 8 + size + (size & 1);
        }
        return frames;
    }

    /** Width and height from the extended header ({@code VP8X}: 24-bit values minus one). */
    private static int[] webpCanvas(byte[] webp) {
        assertThat(new String(webp, 12, 4, StandardCharsets.US_ASCII)).isEqualTo("VP8X");
        return new int[] {uint24(webp, 24) + 1, uint24(webp, 27) + 1};
    }

    private static int uint24(byte[] bytes, int at) {
        return (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8 | (bytes[at + 2] & 0xff) << 16;
    }
}
