package dev.atelier.media.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.atelier.testsupport.Api;
import dev.atelier.testsupport.AwaitRenditions;
import dev.atelier.testsupport.Digests;
import dev.atelier.testsupport.IntegrationTest;
import dev.atelier.testsupport.Multipart;
import dev.atelier.testsupport.TestImages;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Signed dynamic rendition URLs, end to end over HTTP: signing, checking, shaping, negotiating and caching. */
class ImageDeliveryTests extends IntegrationTest {

    @Autowired
    MediaWorkerPool workers;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    dev.atelier.storage.BlobStore blobs;

    @Test
    void servesASignedUrlToAnyoneAndCachesByContent() throws Exception {
        String id = upload("banner.png", TestImages.encode(TestImages.halves(600, 300), "png"));
        String url = sign(id, "w=300&h=300&fit=cover&fm=jpeg");

        Api.Response first = anonymous().get(url);

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("Content-Type")).isEqualTo("image/jpeg");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(first.bytes()));
        assertThat(image.getWidth()).isEqualTo(300);
        assertThat(image.getHeight()).isEqualTo(300);
        // without a version the URL follows the current one: cacheable, but revalidated by ETag
        assertThat(first.header("Cache-Control")).contains("no-cache").contains("public");
        String etag = first.header("ETag");
        // the strong ETag names the bytes themselves: a rendition made again differently (from the stored preview
        // instead of the original, by a newer libvips) after its cache entry went must not keep the old one
        assertThat(etag).isEqualTo("\"" + Digests.sha256Hex(first.bytes()) + "\"");
        assertThat(first.header("Set-Cookie")).as("no session for anyone holding a URL").isNull();
        assertThat(first.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(first.header("X-Frame-Options")).isEqualTo("DENY");

        AwaitRenditions.workersIdleFor(admin(), id);
        long jobs = workers.jobs();
        Api.Response again = anonymous().get(url);
        Api.Response revalidated = anonymous().get(url, "If-None-Match", etag);

        assertThat(again.bytes()).isEqualTo(first.bytes());
        assertThat(revalidated.status()).isEqualTo(304);
        assertThat(workers.jobs()).as("served from the cache").isEqualTo(jobs);
    }

    @Test
    void aUrlWithAVersionIsImmutableAndOneWithoutFollowsNewVersions() {
        String id = upload("poster.png", TestImages.png(400, 200, Color.RED));
        String pinned = sign(id, "v=1&w=100");
        String current = sign(id, "w=100");
        String before = anonymous().get(current).header("ETag");

        admin().upload("/api/v1/assets/" + id + "/versions", Multipart.file("poster.png", null, TestImages.png(400, 200, Color.BLUE)));

        assertThat(anonymous().get(pinned).header("Cache-Control")).contains("max-age=31536000").contains("immutable");
        // a cover crop that follows the focal point can change under a pinned version: revalidated, not immutable
        assertThat(anonymous().get(sign(id, "v=1&w=100&h=100&fit=cover")).header("Cache-Control")).contains("no-cache");
        assertThat(anonymous().get(current).header("ETag")).isNotEqualTo(before);
    }

    @Test
    void refusesUnsignedAndAlteredUrlsAndSizesOverTheLimit() {
        String id = upload("secret.png", TestImages.png(200, 200, Color.GREEN));
        String url = sign(id, "w=100");

        Api.Response altered = anonymous().get(url.replace("w=100", "w=1000"));
        Api.Response unsigned = anonymous().get("/cdn/assets/" + id + "/image?w=100");
        Api.Response tooLarge = admin().get("/api/v1/assets/" + id + "/image-url?w=3000&dpr=2");
        Api.Response badFit = admin().get("/api/v1/assets/" + id + "/image-url?w=100&fit=stretchy");

        assertThat(altered.status()).isEqualTo(403);
        assertThat(altered.json().get("type").asString()).isEqualTo("/problems/invalid-signature");
        assertThat(unsigned.status()).isEqualTo(403);
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.json().get("type").asString()).isEqualTo("/problems/image-size-too-large");
        assertThat(badFit.status()).isEqualTo(400);
        assertThat(badFit.json().get("detail").asString()).contains("'fit'");
        assertThat(Api.anonymous(port).get("/api/v1/assets/" + id + "/image-url?w=100").status()).isEqualTo(401);
    }

    @Test
    void smallRenditionsOfAJpegAreMadeFromItsPreview() throws Exception {
        var created = admin().upload("/api/v1/assets", Multipart.file("halves.jpg", null,
                TestImages.encode(TestImages.halves(2500, 1667), "jpeg")));
        String id = created.json().get("id").asString();
        AwaitRenditions.workersIdleFor(admin(), id);
        String west = sign(id, "w=300&h=300&fit=cover&g=west&fm=jpeg");
        String narrow = sign(id, "w=512&fm=png");
        String large = sign(id, "w=1100&fm=jpeg");

        // without the original only the preview (2048 × 1366) is left to make them from
        blobs.delete(new dev.atelier.storage.BlobKey(created.json().get("sha256").asString()));

        BufferedImage cropped = read(west);
        assertThat(cropped.getWidth()).isEqualTo(300);
        assertThat(cropped.getHeight()).isEqualTo(300);
        assertThat(new Color(cropped.getRGB(100, 150)).getRed()).as("the west half is red").isGreaterThan(200);
        assertThat(new Color(cropped.getRGB(100, 150)).getBlue()).isLessThan(60);
        BufferedImage scaled = read(narrow);
        assertThat(scaled.getWidth()).isEqualTo(512);
        // 1667 × 512 / 2500 = 341.4, as from the original (the preview's 1366 × 512 / 2048 would be 341.5 → 342)
        assertThat(scaled.getHeight()).as("planned on the original's size").isEqualTo(341);
        assertThat(anonymous().get(large).status()).as("more than half the preview needs the original").isEqualTo(404);
    }

    @Test
    void aTurnedPhotosSmallRenditionsComeUprightFromItsPreview() throws Exception {
        // stored 2500 × 1667 with left red and right blue; orientation 6 shows it 1667 × 2500, red on top
        byte[] sideways = ExifOrientationTests.withExif(TestImages.encode(TestImages.halves(2500, 1667), "jpeg"), 6,
                java.nio.ByteOrder.BIG_ENDIAN);
        var created = admin().upload("/api/v1/assets", Multipart.file("portrait.jpg", null, sideways));
        String id = created.json().get("id").asString();
        AwaitRenditions.workersIdleFor(admin(), id);
        String top = sign(id, "w=300&h=300&fit=cover&g=north&fm=jpeg");
        String whole = sign(id, "w=512&fm=jpeg");
        blobs.delete(new dev.atelier.storage.BlobKey(created.json().get("sha256").asString()));

        BufferedImage cropped = read(top);
        BufferedImage scaled = read(whole);

        assertThat(cropped.getWidth()).isEqualTo(300);
        assertThat(cropped.getHeight()).isEqualTo(300);
        assertThat(new Color(cropped.getRGB(150, 60)).getRed()).as("the top is red").isGreaterThan(200);
        assertThat(new Color(cropped.getRGB(150, 290)).getBlue()).as("blue begins below the middle of the photo").isGreaterThan(200);
        assertThat(scaled.getWidth()).isEqualTo(512);
        assertThat(scaled.getHeight()).isEqualTo(768);
    }

    @Test
    void aRenditionIsMadeFromTheOriginalWhenThePreviewsBlobIsGone() throws Exception {
        String id = upload("wide.jpg", TestImages.encode(TestImages.halves(2400, 1200), "jpeg"));
        AwaitRenditions.workersIdleFor(admin(), id);
        byte[] preview = admin().get("/api/v1/assets/" + id + "/renditions/preview").bytes();
        blobs.delete(dev.atelier.storage.BlobKey.of(java.security.MessageDigest.getInstance("SHA-256").digest(preview)));

        BufferedImage image = read(sign(id, "w=400&fm=jpeg"));

        assertThat(image.getWidth()).isEqualTo(400);
        assertThat(image.getHeight()).isEqualTo(200);
    }

    @Test
    void cropsTowardsTheGravityAndPadsToContain() throws Exception {
        String id = upload("halves.png", TestImages.encode(TestImages.halves(600, 300), "png"));

        BufferedImage west = read(sign(id, "w=100&h=100&fit=cover&g=west&fm=png"));
        BufferedImage east = read(sign(id, "w=100&h=100&fit=cover&g=east&fm=png"));
        BufferedImage contained = read(sign(id, "w=100&h=100&fit=contain&fm=png"));

        assertThat(new Color(west.getRGB(90, 50))).isEqualTo(Color.RED);
        assertThat(new Color(east.getRGB(10, 50))).isEqualTo(Color.BLUE);
        assertThat(contained.getWidth()).isEqualTo(100);
        assertThat(contained.getHeight()).isEqualTo(100);
        assertThat(contained.getRGB(50, 5) >>> 24).as("padding is transparent in PNG").isZero();
        assertThat(contained.getRGB(50, 50) >>> 24).isEqualTo(255);
    }

    @Test
    void coverCropsKeepTheFocalPointWhenNoGravityIsAsked() throws Exception {
        String id = upload("focus.png", TestImages.encode(TestImages.halves(600, 300), "png"));
        String url = sign(id, "w=100&h=100&fit=cover&fm=png");
        BufferedImage centred = read(url);

        Api.Response set = admin().json("PUT", "/api/v1/assets/" + id + "/focal-point", "{\"x\":0.9,\"y\":0.5}");
        BufferedImage focused = read(url);

        assertThat(set.status()).isEqualTo(200);
        assertThat(new Color(centred.getRGB(10, 50))).isEqualTo(Color.RED);
        assertThat(new Color(centred.getRGB(90, 50))).isEqualTo(Color.BLUE);
        assertThat(new Color(focused.getRGB(10, 50))).as("the same URL now frames the right side").isEqualTo(Color.BLUE);
        assertThat(admin().get("/api/v1/assets/" + id + "/focal-point").json().get("x").asDouble()).isEqualTo(0.9);

        assertThat(admin().json("PUT", "/api/v1/assets/" + id + "/focal-point", "{\"x\":1.5,\"y\":0.5}").status()).isEqualTo(400);
        assertThat(as("vic-viewer", dev.atelier.identity.Role.VIEWER)
                .json("PUT", "/api/v1/assets/" + id + "/focal-point", "{\"x\":0.1,\"y\":0.1}").status()).isEqualTo(403);
        assertThat(admin().delete("/api/v1/assets/" + id + "/focal-point").status()).isEqualTo(204);
        assertThat(new Color(read(url).getRGB(10, 50))).isEqualTo(Color.RED);
    }

    @Test
    void rendersAnyPageOfAPdf() throws Exception {
        assumeThat(workers.capabilities().formatsFor("application/pdf")).as("libvips is installed").isNotEmpty();
        String id = upload("deck.pdf", dev.atelier.testsupport.TestDocuments.pdf(3, 600, 300));

        BufferedImage first = read(sign(id, "w=300&fm=png"));
        BufferedImage second = read(sign(id, "w=300&fm=png&page=2"));
        Api.Response missing = anonymous().get(sign(id, "w=300&page=9"));

        assertThat(new Color(first.getRGB(20, 75)).getRed()).isGreaterThan(200);
        assertThat(new Color(second.getRGB(20, 75)).getGreen()).as("page 2 is green on the left").isGreaterThan(180);
        assertThat(second.getWidth()).isEqualTo(300);
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.json().get("detail").asString()).contains("no page 9");
    }

    @Test
    void picksTheBestFormatTheClientAcceptsForAuto() {
        assumeThat(workers.capabilities().formatsFor("image/png")).as("libvips is installed").contains("avif", "webp");
        String id = upload("auto.png", TestImages.png(300, 200, Color.ORANGE));
        String url = sign(id, "w=150");

        Api.Response avif = anonymous().get(url, "Accept", "image/avif,image/webp,image/*,*/*;q=0.8");
        Api.Response webp = anonymous().get(url, "Accept", "image/webp,*/*");
        Api.Response jpeg = anonymous().get(url, "Accept", "*/*");

        assertThat(avif.header("Content-Type")).isEqualTo("image/avif");
        assertThat(webp.header("Content-Type")).isEqualTo("image/webp");
        assertThat(jpeg.header("Content-Type")).isEqualTo("image/jpeg");
        assertThat(avif.header("Vary")).contains("Accept");
        assertThat(avif.header("ETag")).isNotEqualTo(webp.header("ETag"));
    }

    @Test
    void computesAMissingRenditionOnceForConcurrentRequests() throws Exception {
        String id = upload("busy.png", TestImages.png(1200, 800, Color.MAGENTA));
        String url = sign(id, "w=640&fm=jpeg");
        AwaitRenditions.workersIdleFor(admin(), id);
        long jobs = workers.jobs();

        List<Future<Api.Response>> responses = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(6)) {
            for (int i = 0; i < 6; i++) {
                responses.add(pool.submit((Callable<Api.Response>) () -> anonymous().get(url)));
            }
        }

        for (Future<Api.Response> response : responses) {
            assertThat(response.get().status()).isEqualTo(200);
        }
        assertThat(workers.jobs() - jobs).isEqualTo(1);
    }

    @Test
    void keepsOnlyTheNewestRenditionsOfOneSourceSoUrlsCannotFillTheDisk() throws Exception {
        String id = upload("many.png", TestImages.png(800, 600, Color.CYAN));
        String sha = admin().get("/api/v1/assets/" + id).json().at("/versions/0/sha256").asString();
        List<String> urls = new ArrayList<>();
        for (int width = 101; width <= 106; width++) {
            urls.add(sign(id, "w=" + width + "&fm=png"));
            assertThat(anonymous().get(urls.getLast()).status()).isEqualTo(200);
        }

        long kept = jdbc.sql("SELECT COUNT(*) FROM rendition_cache WHERE source_blob = ?").param(sha).query(Long.class).single();

        assertThat(kept).as("the test configuration keeps 4 per source").isEqualTo(4);
        assertThat(read(urls.getFirst()).getWidth()).as("an evicted rendition is made again").isEqualTo(101);
    }

    @Test
    void aTrashedAssetsUrlsStopWorking() {
        String id = upload("gone.png", TestImages.png(100, 100, Color.GRAY));
        String url = sign(id, "w=50");
        assertThat(anonymous().get(url).status()).isEqualTo(200);

        admin().delete("/api/v1/assets/" + id);

        assertThat(anonymous().get(url).status()).isEqualTo(404);
    }

    private String sign(String id, String query) {
        Api.Response response = admin().get("/api/v1/assets/" + id + "/image-url?" + query);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json().get("path").asString();
    }

    private BufferedImage read(String url) throws Exception {
        Api.Response response = anonymous().get(url);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return ImageIO.read(new ByteArrayInputStream(response.bytes()));
    }

    private Api anonymous() {
        return Api.anonymous(port);
    }

    private String upload(String name, byte[] bytes) {
        var response = admin().upload("/api/v1/assets", Multipart.file(name, null, bytes));
        assertThat(response.status()).isEqualTo(201);
        return response.json().get("id").asString();
    }
}
