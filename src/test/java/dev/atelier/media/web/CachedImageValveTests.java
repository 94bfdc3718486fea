package dev.atelier.media.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.testsupport.Api;
import dev.atelier.testsupport.AwaitRenditions;
import dev.atelier.testsupport.IntegrationTest;
import dev.atelier.testsupport.Multipart;
import dev.atelier.testsupport.TestImages;
import io.micrometer.core.instrument.MeterRegistry;
import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import dev.atelier.media.internal.MediaSystem;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Signed rendition URLs answered ahead of the filters and Spring MVC, over real HTTP: hits and
 * misses with the same bytes and headers as the controller's answer, failures answered by the
 * controller without a second attempt, and never a version the controller would not deliver. An
 * answer of the valve is told by the {@code atelier.cdn.fast-hits} and
 * {@code atelier.cdn.fast-renders} counters; the controller's answer for the same request is had
 * {@link #viaController through a URL of another shape} that the valve leaves alone.
 */
class CachedImageValveTests extends IntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    MeterRegistry meters;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MediaSystem media;

    @Test
    void aHitCarriesTheControllersBytesAndHeaders() throws Exception {
        String id = upload("same.png", TestImages.encode(TestImages.halves(600, 300), "png"));
        String url = sign(id, "w=200&fm=auto");

        long before = fastHits();
        long rendersBefore = fastRenders();
        HttpResponse<byte[]> miss = send(viaController(url), "GET", "Accept", "image/webp,*/*");
        assertThat(fastRenders()).as("made by the controller").isEqualTo(rendersBefore);
        HttpResponse<byte[]> hit = send(url, "GET", "Accept", "image/webp,*/*");

        assertThat(fastHits()).as("answered by the valve").isEqualTo(before + 1);
        assertThat(miss.statusCode()).isEqualTo(200);
        assertThat(hit.statusCode()).isEqualTo(200);
        assertThat(hit.body()).isEqualTo(miss.body());
        assertThat(headers(hit)).isEqualTo(headers(miss));
        assertThat(headers(hit)).containsEntry("vary", List.of("Accept")).containsEntry("x-content-type-options", List.of("nosniff"))
                .containsEntry("content-length", List.of(Integer.toString(hit.body().length)))
                .containsKeys("etag", "cache-control", "content-type", "content-security-policy");
        assertThat(ImageIO.read(new ByteArrayInputStream(hit.body())).getWidth()).isEqualTo(200);
    }

    @Test
    void headAndIfNoneMatchAnswerAsTheControllerDoes() throws Exception {
        String id = upload("revalidated.png", TestImages.png(300, 200, Color.PINK));
        String url = sign(id, "v=1&w=90&fm=jpeg");
        String etag = send(url, "GET").headers().firstValue("ETag").orElseThrow();

        HttpResponse<byte[]> controllerHead = send(viaController(url), "HEAD");
        HttpResponse<byte[]> controllerUnchanged = send(viaController(url), "GET", "If-None-Match", etag);
        long before = fastHits();
        HttpResponse<byte[]> head = send(url, "HEAD");
        HttpResponse<byte[]> unchanged = send(url, "GET", "If-None-Match", "\"other\", " + etag);
        HttpResponse<byte[]> changed = send(url, "GET", "If-None-Match", "\"other\"");

        assertThat(fastHits()).as("all three answered by the valve").isEqualTo(before + 3);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(headers(head)).isEqualTo(headers(controllerHead)).containsKey("content-length");
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(headers(unchanged)).isEqualTo(headers(controllerUnchanged));
        assertThat(headers(unchanged).get("cache-control").getFirst()).contains("immutable");
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).hasSize(Integer.parseInt(head.headers().firstValue("Content-Length").orElseThrow()));
    }

    @Test
    void anAlteredOrUnsignedUrlOfACachedRenditionGetsTheProblem() throws Exception {
        String id = upload("guarded.png", TestImages.png(200, 200, Color.GREEN));
        String url = sign(id, "w=80&fm=jpeg");
        send(url, "GET");
        long before = fastHits();

        String signature = url.substring(url.indexOf("s=") + 2);
        String flipped = (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1);
        List<HttpResponse<byte[]>> refused = List.of(send(url.replace(signature, flipped), "GET"),
                send(url.replace("w=80", "w=81"), "GET"), send("/cdn/assets/" + id + "/image?w=80&fm=jpeg", "GET"));

        for (HttpResponse<byte[]> response : refused) {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
            assertThat(new String(response.body())).contains("/problems/invalid-signature");
        }
        assertThat(fastHits()).isEqualTo(before);
    }

    @Test
    void aMissIsRenderedAheadOfTheControllerWithItsBytesAndHeaders() throws Exception {
        String id = upload("fresh.png", TestImages.encode(TestImages.halves(600, 300), "png"));
        String url = sign(id, "v=1&w=120&fm=jpeg");
        HttpResponse<byte[]> controller = send(viaController(url), "GET");
        String etag = controller.headers().firstValue("ETag").orElseThrow();
        forgetRenditionOf(etag);
        AwaitRenditions.workersIdleFor(admin(), id);
        long before = fastRenders();
        long jobs = media.status().jobs();

        HttpResponse<byte[]> rendered = send(url, "GET");

        assertThat(fastRenders()).as("rendered by the valve").isEqualTo(before + 1);
        assertThat(media.status().jobs() - jobs).isEqualTo(1);
        assertThat(rendered.statusCode()).isEqualTo(200);
        assertThat(rendered.body()).isEqualTo(controller.body());
        assertThat(headers(rendered)).isEqualTo(headers(controller));

        forgetRenditionOf(etag);
        HttpResponse<byte[]> unchanged = send(url, "GET", "If-None-Match", etag);
        assertThat(unchanged.statusCode()).as("made again, and unchanged").isEqualTo(304);
        assertThat(fastRenders()).isEqualTo(before + 2);
        assertThat(headers(unchanged)).isEqualTo(headers(send(viaController(url), "GET", "If-None-Match", etag)));

        forgetRenditionOf(etag);
        HttpResponse<byte[]> head = send(url, "HEAD");
        assertThat(fastRenders()).as("a HEAD renders too, as the controller's did").isEqualTo(before + 3);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(headers(head)).isEqualTo(headers(send(viaController(url), "HEAD")));
    }

    @Test
    void aFailureMetAheadOfTheControllerIsAnsweredByItWithoutASecondAttempt() throws Exception {
        byte[] broken = java.util.Arrays.copyOf(TestImages.encode(TestImages.halves(400, 200), "jpg"), 600);
        String id = upload("broken.jpg", broken);
        String url = sign(id, "w=100&fm=jpeg");
        AwaitRenditions.workersIdleFor(admin(), id);
        long before = fastRenders();
        long failuresBefore = failedRenders();
        long jobs = media.status().jobs();

        HttpResponse<byte[]> failed = send(url, "GET");

        assertThat(failed.statusCode()).as(new String(failed.body())).isEqualTo(422);
        assertThat(failed.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(new String(failed.body())).contains("\"instance\":\"/cdn/assets/" + id + "/image\"");
        assertThat(failedRenders()).as("met in the valve").isEqualTo(failuresBefore + 1);
        assertThat(media.status().jobs() - jobs).as("one render, by the valve").isEqualTo(1);
        assertThat(fastRenders()).isEqualTo(before);
        HttpResponse<byte[]> controller = send(viaController(url), "GET");
        assertThat(controller.statusCode()).isEqualTo(422);
        assertThat(media.status().jobs() - jobs).as("a failure is not cached: the controller's own request renders again").isEqualTo(2);
        assertThat(headers(failed)).isEqualTo(headers(controller));
    }

    @Test
    void aTrashedAssetsUrlsStopAsSoonAsTheTrashCallReturns() throws Exception {
        String id = upload("binned.png", TestImages.png(200, 100, Color.GRAY));
        String current = sign(id, "w=50&fm=jpeg");
        String pinned = sign(id, "v=1&w=50&fm=jpeg");
        cached(current, pinned);
        long before = fastHits();
        assertThat(send(current, "GET").statusCode()).isEqualTo(200);
        assertThat(fastHits()).as("the version lookup is remembered now").isEqualTo(before + 1);

        assertThat(admin().delete("/api/v1/assets/" + id).status()).isEqualTo(200);

        assertThat(send(current, "GET").statusCode()).isEqualTo(404);
        assertThat(send(pinned, "HEAD").statusCode()).isEqualTo(404);
        assertThat(admin().post("/api/v1/assets/" + id + "/restore").status()).isEqualTo(200);
        assertThat(send(current, "GET").statusCode()).isEqualTo(200);
    }

    @Test
    void anUnversionedUrlFollowsANewVersionAtOnceAndAPinnedOneStays() throws Exception {
        String id = upload("evolving.png", TestImages.png(200, 200, Color.RED));
        String current = sign(id, "w=40&fm=png");
        cached(current);
        String pinned = sign(id, "v=1&w=40&fm=png");
        cached(pinned);

        var added = admin().upload("/api/v1/assets/" + id + "/versions", Multipart.file("evolving.png", null,
                TestImages.png(200, 200, Color.BLUE)));
        assertThat(added.status()).isEqualTo(201);
        assertThat(colourOf(send(current, "GET"))).as("made from version 2").isEqualTo("blue");
        long before = fastHits();

        assertThat(colourOf(send(current, "GET"))).isEqualTo("blue");
        assertThat(colourOf(send(pinned, "GET"))).isEqualTo("red");
        assertThat(fastHits()).isEqualTo(before + 2);
    }

    @Test
    void aTrashThroughAnotherServerIsSeenWithinTheLookupsLifetime() throws Exception {
        String id = upload("elsewhere.png", TestImages.png(120, 120, Color.ORANGE));
        String url = sign(id, "w=30&fm=jpeg");
        send(url, "GET");
        assertThat(send(url, "GET").statusCode()).isEqualTo(200);

        // what another server sharing the database does; no event reaches this one
        jdbc.sql("UPDATE assets SET status = 'TRASHED' WHERE id = ?").param(java.util.UUID.fromString(id)).update();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            int status = 200;
            while (status == 200 && System.nanoTime() < deadline) {
                status = send(url, "GET").statusCode();
                Thread.sleep(50);
            }
            assertThat(status).as("within the 2 s the lookup is trusted, plus slack").isEqualTo(404);
        } finally {
            jdbc.sql("UPDATE assets SET status = 'ACTIVE' WHERE id = ?").param(java.util.UUID.fromString(id)).update();
        }
    }

    /** Red or blue: the test images' corner is their colour (a gradient towards darker, a white oval in the middle). */
    private String colourOf(HttpResponse<byte[]> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(200);
        Color corner = new Color(ImageIO.read(new ByteArrayInputStream(response.body())).getRGB(1, 1));
        return corner.getRed() > corner.getBlue() ? "red" : "blue";
    }

    /** Each URL fetched twice: rendered, then a cache hit with its version lookup remembered. */
    private void cached(String... urls) throws Exception {
        for (int round = 0; round < 2; round++) {
            for (String url : urls) {
                assertThat(send(url, "GET").statusCode()).isEqualTo(200);
            }
        }
    }

    /** Deletes the rendition's blob, so the next request for it makes it again. */
    private void forgetRenditionOf(String etag) throws Exception {
        // the ETag is the rendition's SHA-256, its blob's key
        Files.deleteIfExists(blobPath(etag.replace("\"", "")));
    }

    /**
     * The same URL with the asset id's first hyphen percent-encoded: Spring MVC decodes it to the
     * same id (and the signature holds), the valve takes only plain paths and leaves it to the
     * controller.
     */
    private static String viaController(String url) {
        int id = url.indexOf("/cdn/assets/") + "/cdn/assets/".length();
        int hyphen = url.indexOf('-', id);
        return url.substring(0, hyphen) + "%2D" + url.substring(hyphen + 1);
    }

    private long fastRenders() {
        return meters.get("atelier.cdn.fast-renders").tag("outcome", "answered").timer().count();
    }

    private long failedRenders() {
        return meters.get("atelier.cdn.fast-renders").tag("outcome", "failed").timer().count();
    }

    private long fastHits() {
        return (long) meters.get("atelier.cdn.fast-hits").counter().count();
    }

    /** Every header but the date, names in lower case. */
    private static Map<String, List<String>> headers(HttpResponse<byte[]> response) {
        Map<String, List<String>> headers = new TreeMap<>();
        response.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values));
        headers.remove("date");
        return headers;
    }

    private HttpResponse<byte[]> send(String path, String method, String... headers) throws Exception {
        HttpRequest.Builder request = Api.anonymous(port).request(path).method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private String sign(String id, String query) {
        Api.Response response = admin().get("/api/v1/assets/" + id + "/image-url?" + query);
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        return response.json().get("path").asString();
    }

    private String upload(String name, byte[] bytes) {
        var response = admin().upload("/api/v1/assets", Multipart.file(name, null, bytes));
        assertThat(response.status()).isEqualTo(201);
        return response.json().get("id").asString();
    }
}
