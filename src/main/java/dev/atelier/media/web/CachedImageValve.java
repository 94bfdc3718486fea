package dev.atelier.media.web;

import dev.atelier.asset.AssetId;
import dev.atelier.media.internal.ImageDelivery;
import dev.atelier.media.internal.ImageDelivery.Delivered;
import dev.atelier.storage.BlobContent;
import dev.atelier.storage.BlobStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Answers cache hits of signed rendition URLs ({@code GET} and {@code HEAD}
 * {@code /cdn/assets/{id}/image?…&s=…}) as the first valve of Tomcat's context, ahead of its
 * filter chain (Spring Security, the request observation) and Spring MVC, which together cost a
 * warm hit several times the work itself. A valve rather than a servlet filter: building the
 * filter chain for each request and Tomcat's authenticator valve alone cost a hit about 6 % of
 * its server CPU time.
 *
 * <p>Only a certain hit is answered here: a well-formed path, a query whose signature, size and
 * format {@link ImageDelivery#cached} accepts for a deliverable version, a cache entry whose blob
 * is a local file, and for {@code GET} a connector that takes the file by sendfile. Everything
 * else — a miss, an unsigned or altered URL, an unknown or trashed asset, {@code Range} and the
 * other conditional headers but {@code If-None-Match}, parameters a signed URL does not have, a
 * store without local files — goes on unchanged (filters and security chain included) to
 * {@link ImageController}, which renders and answers every error.
 *
 * <p>The response carries what the controller's does, including what the {@code /cdn/**} security
 * chain adds; CachedImageValveTests compares the two. Hits are counted as
 * {@code atelier.cdn.fast-hits}; they do not show in {@code http.server.requests}.
 */
final class CachedImageValve extends ValveBase {

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

    private final ImageDelivery delivery;
    private final BlobStore blobs;
    private final Counter hits;

    CachedImageValve(ImageDelivery delivery, BlobStore blobs, MeterRegistry meters) {
        super(true);
        this.delivery = delivery;
        this.blobs = blobs;
        this.hits = Counter.builder("atelier.cdn.fast-hits")
                .description("Signed rendition URLs answered from the cache ahead of Spring MVC").register(meters);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (!request.getRequestURI().startsWith(PREFIX, request.getContextPath().length()) || !answered(request, response)) {
            getNext().invoke(request, response);
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

    /** A HEAD, or a GET whose connector takes the file by sendfile; neither with a header this valve leaves to the controller. */
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
     * The query as the controller's {@code @RequestParam Map} sees it (the first value of each
     * name), read from the raw query string where no decoding can change it: only names a signed
     * URL has, each with a value of letters, digits and {@code -._~}. Empty for anything else
     * (escapes, {@code +}, other names, a pair without {@code =}), which is left to the ordinary path.
     */
    private static Optional<Map<String, String>> parameters(HttpServletRequest request) {
        String query = request.getQueryString();
        if (query == null) {
            return Optional.empty();
        }
        Map<String, String> first = new HashMap<>();
        for (int start = 0; start <= query.length(); ) {
            int end = query.indexOf('&', start);
            end = end < 0 ? query.length() : end;
            int equals = query.indexOf('=', start);
            if (equals <= start || equals >= end || !SIGNED_PARAMETERS.contains(query.substring(start, equals))
                    || !plain(query, equals + 1, end)) {
                return Optional.empty();
            }
            first.putIfAbsent(query.substring(start, equals), query.substring(equals + 1, end));
            start = end + 1;
        }
        return Optional.of(first);
    }

    private static boolean plain(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_'
                    || c == '~')) {
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
