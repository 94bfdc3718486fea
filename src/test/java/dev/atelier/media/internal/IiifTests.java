package dev.atelier.media.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.testsupport.Api;
import dev.atelier.testsupport.AwaitRenditions;
import dev.atelier.testsupport.Digests;
import dev.atelier.testsupport.IntegrationTest;
import dev.atelier.testsupport.Multipart;
import dev.atelier.testsupport.TestImages;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** IIIF Image API 3.0 level 2 over HTTP, on a 1000×500 image: left half red, right half blue, a green band on top. */
class IiifTests extends IntegrationTest {

    String id;

    @BeforeEach
    void uploadImage() {
        BufferedImage image = TestImages.halves(1000, 500);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.GREEN);
        g.fillRect(0, 0, 1000, 100);
        g.dispose();
        id = admin().upload("/api/v1/assets", Multipart.file("iiif.png", null, TestImages.encode(image, "png"))).json().get("id").asString();
        AwaitRenditions.settled(admin(), id);
    }

    @Test
    void describesTheImageInInfoJson() {
        Api.Response response = admin().get("/iiif/3/" + id + "/info.json");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/ld+json");
        JsonNode info = response.json();
        assertThat(info.get("@context").asString()).isEqualTo("http://iiif.io/api/image/3/context.json");
        assertThat(info.get("id").asString()).isEqualTo("http://127.0.0.1:" + port + "/iiif/3/" + id);
        assertThat(info.get("type").asString()).isEqualTo("ImageService3");
        assertThat(info.get("profile").asString()).isEqualTo("level2");
        assertThat(info.get("width").asInt()).isEqualTo(1000);
        assertThat(info.get("height").asInt()).isEqualTo(500);
        assertThat(info.at("/tiles/0/width").asInt()).isEqualTo(512);
        assertThat(info.at("/tiles/0/scaleFactors").toString()).isEqualTo("[1,2]");
        assertThat(info.get("extraQualities").toString()).contains("gray", "bitonal");
    }

    @Test
    void servesRegionsSizesRotationsAndQualities() throws Exception {
        BufferedImage full = image("full/max/0/default.jpg");
        BufferedImage tile = image("500,100,500,400/250,/0/default.png");
        BufferedImage pct = image("pct:0,20,50,80/!100,100/0/color.png");
        BufferedImage turned = image("full/200,/90/default.png");
        BufferedImage mirrored = image("full/200,/!0/default.png");
        BufferedImage gray = image("square/100,100/0/gray.png");
        BufferedImage bitonal = image("full/,50/0/bitonal.png");
        BufferedImage turnedFull = image("full/max/!270/gray.jpg");

        assertThat(full.getWidth()).isEqualTo(1000);
        assertThat(tile.getWidth()).isEqualTo(250);
        assertThat(tile.getHeight()).isEqualTo(200);
        assertThat(new Color(tile.getRGB(125, 100))).isEqualTo(Color.BLUE);
        assertThat(pct.getWidth()).isEqualTo(100);
        assertThat(pct.getHeight()).isEqualTo(80);
        assertThat(new Color(pct.getRGB(50, 40))).isEqualTo(Color.RED);
        assertThat(turned.getWidth()).as("a quarter turn swaps the sides").isEqualTo(100);
        assertThat(turned.getHeight()).isEqualTo(200);
        assertThat(new Color(turned.getRGB(95, 100))).as("the green top ends up on the right").isEqualTo(Color.GREEN);
        assertThat(new Color(mirrored.getRGB(10, 80))).as("mirrored: blue on the left").isEqualTo(Color.BLUE);
        assertThat(gray.getRaster().getNumBands()).isEqualTo(1);
        assertThat(bitonal.getRaster().getSample(50, 40, 0)).isIn(0, 1, 255);
        assertThat(turnedFull.getWidth()).as("a full-size turn, computed in memory").isEqualTo(500);
        assertThat(turnedFull.getHeight()).isEqualTo(1000);
    }

    @Test
    void anImageCarriesTheStrongETagOfItsBytesAndRevalidates() throws Exception {
        Api.Response response = admin().get("/iiif/3/" + id + "/full/200,/0/default.jpg");
        String etag = response.header("ETag");

        assertThat(etag).isEqualTo("\"" + Digests.sha256Hex(response.bytes()) + "\"");
        assertThat(admin().get("/iiif/3/" + id + "/full/200,/0/default.jpg", "If-None-Match", etag).status()).isEqualTo(304);
    }

    @Test
    void answersBadParametersWithAProblemNamingThem() {
        assertThat(problem("full/2000,/0/default.jpg")).contains("'^'");
        assertThat(problem("full/max/45/default.jpg")).contains("90");
        assertThat(problem("2000,0,10,10/max/0/default.jpg")).contains("outside");
        assertThat(problem("full/max/0/sepia.jpg")).contains("quality");
        assertThat(problem("everything/max/0/default.jpg")).contains("region");
        assertThat(problem("full/99999999999999,/0/default.jpg")).contains("too long");
        assertThat(problem("full/0,/0/default.jpg")).contains("no pixel");
        assertThat(image("full/%5E2000,/0/default.jpg").getWidth()).isEqualTo(2000);
        BufferedImage capped = image("full/!2000,2000/0/default.png");
        assertThat(capped.getWidth()).as("!w,h without ^ stops at the region's size").isEqualTo(1000);
        assertThat(image("pct:0,0,100,100/max/0/default.jpg").getWidth()).isEqualTo(1000);
    }

    @Test
    void needsALoginAndAnswers401WithoutOne() {
        assertThat(Api.anonymous(port).get("/iiif/3/" + id + "/info.json").status()).isEqualTo(401);
    }

    private BufferedImage image(String path) {
        Api.Response response = admin().get("/iiif/3/" + id + "/" + path);
        assertThat(response.status()).as(path + ": " + response.text()).isEqualTo(200);
        try {
            return ImageIO.read(new ByteArrayInputStream(response.bytes()));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private String problem(String path) {
        Api.Response response = admin().get("/iiif/3/" + id + "/" + path);
        assertThat(response.status()).as(path).isEqualTo(400);
        return response.json().get("detail").asString();
    }
}
