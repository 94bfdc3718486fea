package dev.atelier.metadata.internal;

import dev.atelier.metadata.TaggerProperties;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks the external tagger about one JPEG: {@code POST} with {@code Content-Type: image/jpeg},
 * answer {@code {"tags":[{"name":"beach","confidence":0.93}, ...]}}. Redirects are not followed
 * (the preview goes to the configured host only), answers are read up to {@link #MAX_ANSWER} bytes.
 */
@Component
class TaggerClient {

    /** The largest answer read. */
    static final int MAX_ANSWER = 1024 * 1024;
    /** The most tags taken from one answer. */
    static final int MAX_TAGS = 100;

    /** A tag as the tagger named it. */
    record Proposed(String name, double confidence) {}

    private final TaggerProperties properties;
    private final JsonMapper json;
    private final HttpClient http;

    TaggerClient(TaggerProperties properties, JsonMapper json) {
        this.properties = properties;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @jakarta.annotation.PreDestroy
    void close() {
        http.shutdownNow();
    }

    /** @throws TaggerException when the tagger cannot be reached, answers an error or something that is not the contract */
    List<Proposed> ask(byte[] jpeg) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(properties.url())).timeout(properties.timeout())
                .header("Content-Type", "image/jpeg").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(jpeg));
        if (!properties.token().isBlank()) {
            request.header("Authorization", "Bearer " + properties.token());
        }
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                byte[] answer = body.readNBytes(MAX_ANSWER + 1);
                if (response.statusCode() / 100 != 2) {
                    throw new TaggerException("the tagger answered HTTP " + response.statusCode());
                }
                if (answer.length > MAX_ANSWER) {
                    throw new TaggerException("the tagger's answer is larger than " + MAX_ANSWER / 1024 + " KB");
                }
                return parse(answer);
            }
        } catch (IOException e) {
            throw new TaggerException("the tagger could not be reached: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaggerException("interrupted while asking the tagger", e);
        }
    }

    List<Proposed> parse(byte[] answer) {
        JsonNode root;
        try {
            root = json.readTree(answer);
        } catch (JacksonException e) {
            throw new TaggerException("the tagger's answer is not JSON", e);
        }
        JsonNode tags = root == null ? null : root.get("tags");
        if (tags == null || !tags.isArray()) {
            throw new TaggerException("the tagger's answer has no \"tags\" list");
        }
        List<Proposed> out = new ArrayList<>();
        for (JsonNode tag : tags) {
            JsonNode name = tag.get("name");
            JsonNode confidence = tag.get("confidence");
            if (name == null || !name.isString() || confidence == null || !confidence.isNumber()
                    || confidence.doubleValue() < 0 || confidence.doubleValue() > 1) {
                throw new TaggerException("the tagger's answer holds a tag without a name or a confidence in 0..1: " + abbreviate(tag.toString()));
            }
            out.add(new Proposed(name.asString(), confidence.doubleValue()));
        }
        return out.stream().limit(MAX_TAGS).toList();
    }

    private static String abbreviate(String s) {
        return s.length() > 100 ? s.substring(0, 100) + "…" : s;
    }
}
