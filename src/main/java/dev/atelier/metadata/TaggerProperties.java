package dev.atelier.metadata;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The external tagger: an HTTP endpoint that receives a version's JPEG preview and answers tags
 * with their confidence, kept as suggestions people accept or reject.
 *
 * @param url where previews are POSTed; empty means no tagger
 * @param timeout for connecting and for the whole answer
 * @param minConfidence suggestions below this (0..1) are dropped
 * @param token sent as {@code Authorization: Bearer <token>} when not empty
 * @param retryDelay a failed call is tried again after this, twice this, three times this, then recorded as failed
 */
@ConfigurationProperties("atelier.metadata.tagger")
public record TaggerProperties(@DefaultValue("") String url, @DefaultValue("10s") Duration timeout,
        @DefaultValue("0.5") double minConfidence, @DefaultValue("") String token, @DefaultValue("1m") Duration retryDelay) {

    public TaggerProperties {
        if (minConfidence < 0 || minConfidence > 1) {
            throw new IllegalArgumentException("atelier.metadata.tagger.min-confidence must be 0..1, not " + minConfidence);
        }
        if (!url.isBlank()) {
            URI uri = URI.create(url);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new IllegalArgumentException("atelier.metadata.tagger.url must be an http(s) URL, not " + url);
            }
        }
    }

    public boolean enabled() {
        return !url.isBlank();
    }
}
