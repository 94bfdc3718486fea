package dev.atelier.media.web;

import dev.atelier.media.internal.ImageDelivery.Delivered;
import java.time.Duration;
import org.springframework.http.CacheControl;

/**
 * The headers a delivered dynamic rendition carries, whichever path answers it:
 * {@link ImageController} or {@link CachedImageValve}.
 */
final class DeliveryHeaders {

    /** User content: nothing in it may run, load or frame anything, even opened on its own. */
    static final String CONTENT_SECURITY_POLICY = "sandbox; default-src 'none'; img-src 'self'; media-src 'self'";

    private static final CacheControl IMMUTABLE = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
    private static final CacheControl REVALIDATED = CacheControl.noCache().cachePublic();

    private DeliveryHeaders() {
    }

    /** A year and immutable for a URL pinned to a version; otherwise cacheable but revalidated by ETag, as it follows new versions. */
    static CacheControl caching(Delivered image) {
        return image.versioned() ? IMMUTABLE : REVALIDATED;
    }

    /** The strong ETag: the SHA-256 of the rendition's bytes. */
    static String etag(Delivered image) {
        return "\"" + image.etag() + "\"";
    }
}
