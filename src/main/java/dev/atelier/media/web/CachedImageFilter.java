package dev.atelier.media.web;

import dev.atelier.asset.AssetId;
import dev.atelier.media.internal.ImageDelivery;
import dev.atelier.media.internal.ImageDelivery.Delivered;
import dev.atelier.storage.BlobContent;
import dev.atelier.storage.BlobStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Answers cache hits of signed rendition URLs ({@code GET} and {@code HEAD}
 * {@code /cdn/assets/{id}/image?…&s=…}) ahead of Spring Security, Spring MVC and the request
 * observation, which together cost a warm hit several times the work itself.
 *
 * <p>Only a certain hit is answered here: a well-formed path, a query whose signature, size and
 * format {@link ImageDelivery#cached} accepts for a deliverable version, a cache entry whose blob
 * is a local file, and for {@code GET} a connector that takes the file by sendfile. Everything
 * else — a miss, an unsigned or altered URL, an unknown or trashed asset, {@code Range} and the
 * other conditional headers but {@code If-None-Match}, parameters a signed URL does not have, a
 * store without local files — goes down the chain unchanged (security chain included) to
 * {@link ImageController}, which renders and answers every error.
 *
 * <p>The response carries what the controller's does, including what the {@code /cdn/**} security
 * chain adds; CachedImageFilterTests compares the two. Hits are counted as
 * {@code atelier.cdn.fast-hits}; they do not show in {@code http.server.requests}.
 */
final class CachedImageFilter extends HttpFilter {

    private static final String PREFIX = "/cdn/assets/";
    private static final String SUFFIX = "/image";
    private static final int UUID_LENGTH = 36;
    private static final Set<String> SIGNED_PARAMETERS = Set.of("v", "w", "h", "fit", "g", "fm", "q", "dpr", "page", "s");
    private static final List<String> HANDED_ON = List.of(HttpHeaders.RANGE, HttpHeaders.IF_RANGE, HttpHeaders.IF_MATCH,
            HttpHeaders.IF_UNMODIFIED_SINCE, HttpHeaders.IF_MODIFIED_SINCE);
    /** Tomcat's request attributes for handing a file to the connector, as {@link BlobBodies} uses them. */
    private static final String SENDFILE_SUPPORT = "org.apache.tomcat.sendfile.support";
    private static final String SENDFILE_FILE = "org.apache.tomcat.sendfile.filename";
    private static final String SENDFILE_START = "org.apache.tomcat.sendfile.start";
    private static final String SENDFILE_END = "org.apache.tomcat.sendfile.end";

    private final transient ImageDelivery delivery;
    private final transient BlobStore blobs;
    private final transient Counter hits;

    CachedImageFilter(ImageDelivery delivery, BlobStore blobs, MeterRegistry meters) {
        this.delivery = delivery;
        this.blobs = blobs;
        this.hits = Counter.builder("atelier.cdn.fast-hits")
                .description("Signed rendition URLs answered from the cache ahead of Spring MVC").register(meters);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!answered(request, response)) {
            chain.doFilter(request, response);
        }
    }

    private record Hit(Delivered image, BlobContent blob) {
    }

    private boolean answered(HttpServletRequest request, HttpServletResponse response) {
        Optional<Hit> hit = eligible(request) ? lookUp(request) : Optional.empty();
        if (hit.isEmpty()) {
            return false;
        }
        hits.increment();
        send(hit.get(), "HEAD".equals(request.getMethod()), request, response);
        return true;
    }

    /** A HEAD, or a GET whose connector takes the file by sendfile; neither with a header this filter leaves to the controller. */
    private static boolean eligible(HttpServletRequest request) {
        boolean head = "HEAD".equals(request.getMethod());
        if (!head && !("GET".equals(request.getMethod()) && Boolean.TRUE.equals(request.getAttribute(SENDFILE_SUPPORT)))) {
            return false;
        }
        for (String header : HANDED_ON) {
            if (request.getHeader(header) != null) {
                return false;
            }
        }
        return true;
    }

    private Optional<Hit> lookUp(HttpServletRequest request) {
        try {
            return assetId(request).flatMap(id -> parameters(request).flatMap(query -> delivery.cached(id, query, accept(request))))
                    .flatMap(image -> blobs.open(image.blob()).filter(b -> b.file().isPresent()).map(blob -> new Hit(image, blob)));
        } catch (RuntimeException e) {
            // whatever failed (the database, the store) fails again on the ordinary path, which answers and logs it properly
            return Optional.empty();
        }
    }

    /** 304 as Spring MVC decides it, else the headers and the file handed to the connector (none for HEAD). */
    private static void send(Hit hit, boolean head, HttpServletRequest request, HttpServletResponse response) {
        BlobContent blob = hit.blob();
        String etag = DeliveryHeaders.etag(hit.image());
        boolean unchanged = new ServletWebRequest(request, response).checkNotModified(etag);
        headers(hit.image(), etag, response);
        if (unchanged) {
            return;
        }
        response.setContentType(hit.image().mediaType());
        response.setContentLengthLong(blob.size());
        if (!head) {
            request.setAttribute(SENDFILE_FILE, blob.file().orElseThrow().toAbsolutePath().toString());
            request.setAttribute(SENDFILE_START, 0L);
            request.setAttribute(SENDFILE_END, blob.size());
        }
    }

    private static void headers(Delivered image, String etag, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, DeliveryHeaders.caching(image).getHeaderValue());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", DeliveryHeaders.CONTENT_SECURITY_POLICY);
        response.setHeader(HttpHeaders.ETAG, etag);
        if (image.negotiated()) {
            response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        }
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        // what the /cdn/** security chain's header writer adds to the controller's answers
        response.setHeader("X-XSS-Protection", "0");
        response.setHeader("X-Frame-Options", "DENY");
    }

    /** The id of a plain {@code /cdn/assets/{uuid}/image} path; empty for any other shape (encoded, path parameters, slashes). */
    private static Optional<AssetId> assetId(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        int start = context.length() + PREFIX.length();
        if (uri.length() != start + UUID_LENGTH + SUFFIX.length() || !uri.startsWith(context) || !uri.startsWith(PREFIX, context.length())
                || !uri.endsWith(SUFFIX)) {
            return Optional.empty();
        }
        for (int i = start; i < start + UUID_LENGTH; i++) {
            char c = uri.charAt(i);
            if (!(c == '-' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(new AssetId(UUID.fromString(uri.substring(start, start + UUID_LENGTH))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The first value of each parameter, as the controller's {@code @RequestParam Map} sees them;
     * empty when a name is not one a signed URL has or a value holds anything but printable ASCII
     * (which the security chain's firewall would refuse; such requests are left to it).
     */
    private static Optional<Map<String, String>> parameters(HttpServletRequest request) {
        Map<String, String> first = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String[] values = parameter.getValue();
            if (!SIGNED_PARAMETERS.contains(parameter.getKey()) || !Arrays.stream(values).allMatch(CachedImageFilter::printable)) {
                return Optional.empty();
            }
            if (values.length > 0) {
                first.put(parameter.getKey(), values[0]);
            }
        }
        return Optional.of(first);
    }

    private static boolean printable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < ' ' || c > '~') {
                return false;
            }
        }
        return true;
    }

    /** {@code Accept} as the controller's {@code @RequestHeader} reads it: every value joined, {@code *}{@code /*} when absent. */
    private static String accept(HttpServletRequest request) {
        List<String> values = Collections.list(request.getHeaders(HttpHeaders.ACCEPT));
        return values.isEmpty() ? "*/*" : String.join(",", values);
    }
}
