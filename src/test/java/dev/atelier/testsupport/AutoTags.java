package dev.atelier.testsupport;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.JsonNode;

/** Uploads and waits for tests of the automatic tags (pixel analysis) and what search makes of them. */
public final class AutoTags {

    private AutoTags() {
    }

    /** Mostly the colour, with a white band along the bottom and one pixel that makes the file unique. */
    public static BufferedImage mostly(Color colour, int width, int height) {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(colour);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        g.fillRect(0, height * 7 / 8, width, height / 8);
        g.setColor(new Color((int) (System.nanoTime() & 0xffffff)));
        g.fillRect(0, 0, 1, 1);
        g.dispose();
        return image;
    }

    public static String upload(Api api, String title, String name, byte[] bytes) {
        return api.upload("/api/v1/assets", Multipart.file(name, null, bytes).field("title", title)).json().get("id").asString();
    }

    /** The asset's analysis once it is no longer pending. */
    public static JsonNode awaitAnalysis(Api api, String id) {
        return Poll.until(() -> api.get("/api/v1/assets/" + id + "/analysis").json(), a -> !a.get("status").asString().equals("pending"),
                Duration.ofSeconds(60));
    }

    /** The search result once it has exactly {@code total} hits. */
    public static JsonNode awaitSearch(Api api, String query, long total) {
        return Poll.until(() -> api.get("/api/v1/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)).json(),
                r -> r.get("total").asLong() == total, Duration.ofSeconds(30));
    }
}
