package dev.atelier.media.web;

import dev.atelier.asset.AssetId;
import dev.atelier.media.internal.ImageDelivery;
import dev.atelier.media.internal.ImageDelivery.Delivered;
import dev.atelier.storage.BlobContent;
import dev.atelier.storage.BlobStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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
import java.util.concurrent.TimeUnit;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.ServletWebRequest;

/**
 * Answers signed rendition URLs ({@code GET} and {@code HEAD} {@code /cdn/assets/{id}/image?…&s=…})
 * as the first valve of Tomcat's context, ahead of its filter chain (Spring Security, the request
 * observation) and Spring MVC, which together cost a warm hit several times the work itself and a
 * cache miss about a third of the server's time for it. A valve rather than a servlet filter:
 * building the filter chain for each request and Tomcat's authenticator valve alone cost a hit
 * about 6 % of its server CPU time.
 *
 * <p>A request in the shape a signed URL has (a well-formed path, only the parameters a signed URL
 * has, each a plain value, no {@code Range} or conditional header but {@code If-None-Match}; for
 * {@code GET} a connector that takes files by sendfile) is answered here when its rendition is
 * cached ({@link ImageDelivery#cached}, no transaction) or can be made now
 * ({@link ImageDelivery#deliver}), and the rendition's blob is a local file. Everything else goes
 * on unchanged (filters and security chain included) to {@link ImageController}. So does a request
 * whose delivery failed here (an unsigned or altered URL, an unknown or trashed asset, a file no
 * image can be made of, busy workers), carrying the failure in the request attribute
 * {@link #FAILURE}: the controller answers it as its own (problem details, logged once) without
 * rendering a second time.
 *
 * <p>The response carries what the controller's does, including what the {@code /cdn/**} security
 * chain adds; CachedImageValveTests compares the two. Hits are counted as
 * {@code atelier.cdn.fast-hits}, renditions made here timed as {@code atelier.cdn.fast-renders}
 * (outcome {@code answered} or {@code failed}); answered ones do not show in
 * {@code http.server.requests}, failed ones do, as the controller's. When the rendition's blob is
 * no local file the controller looks it up again (one more cache lookup).
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
    /** The {@link RuntimeException} a delivery attempted here ended with, for the controller to answer. */
    static final String FAILURE = CachedImageValve.class.getName() + ".failure";

    private final ImageDelivery delivery;
    private final BlobStore blobs;
    private final Counter hits;
    private final Timer rendered;
    private final Timer failed;

    CachedImageValve(ImageDelivery delivery, BlobStore blobs, MeterRegistry meters) {
        super(true);
        this.delivery = delivery;
        this.blobs = blobs;
        this.hits = Counter.builder("atelier.cdn.fast-hits")
                .description("Signed rendition URLs answered from the cache ahead of Spring MVC").register(meters);
        this.rendered = renders("answered", meters);
        this.failed = renders("failed", meters);
    }

    /** Renditions made in the valve (or by a concurrent request it waited for), timed: they do not show in {@code http.server.requests}. */
    private static Timer renders(String outcome, MeterRegistry meters) {
        return Timer.builder("atelier.cdn.fast-renders").tag("outcome", outcome)
                .description("Signed rendition URLs that missed the cache, delivered ahead of Spring MVC (failed: answered by the controller)")
                .register(meters);
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
        if (!eligible(request)) {
            return false;
        }
        Optional<AssetId> id = assetId(request);
        Optional<Map<String, String>> query = id.isPresent() ? parameters(request) : Optional.empty();
        if (query.isEmpty()) {
            return false;
        }
        String accept = accept(request);
        Optional<Hit> hit = cached(id.get(), query.get(), accept);
        if (hit.isPresent()) {
            hits.increment();
        } else {
            hit = rendered(id.get(), query.get(), accept, request);
            if (hit.isEmpty()) {
                return false;
            }
        }
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

    private Optional<Hit> cached(AssetId id, Map<String, String> query, String accept) {
        try {
            return delivery.cached(id, query, accept).flatMap(this::local);
        } catch (RuntimeException e) {
            // whatever failed (the database, the store) fails again as the rendition is delivered below
            return Optional.empty();
        }
    }

    /**
     * The rendition made now (or by a concurrent request for it), as the controller would make it;
     * empty when its blob is no local file, or with the failure left in {@link #FAILURE}.
     */
    private Optional<Hit> rendered(AssetId id, Map<String, String> query, String accept, HttpServletRequest request) {
        long start = System.nanoTime();
        try {
            Optional<Hit> hit = local(delivery.deliver(id, query, accept));
            rendered.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return hit;
        } catch (RuntimeException e) {
            failed.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            request.setAttribute(FAILURE, e);
            return Optional.empty();
        }
    }

    private Optional<Hit> local(Delivered image) {
        return blobs.open(image.blob()).filter(b -> b.file().isPresent()).map(blob -> new Hit(image, blob));
    }

    /** 304 as Spring MVC decides it, else the headers and the file handed to the connector (none for HEAD). */
    private static void send(Hit hit, boolean head, HttpServletRequest request, HttpServletResponse response) {
        BlobContent blob = hit.blob();
        String etag = DeliveryHeaders.etag(hit.image());
        boolean unchanged = new ServletWebRequest(request, response).checkNotModified(etag);
        headers(hit.image(), etag, request.isSecure(), response);
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

    private static void headers(Delivered image, String etag, boolean secure, HttpServletResponse response) {
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
        if (secure) {
            // Spring Security's default HSTS header, which its header writer adds on secure requests only
            response.setHeader("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
        }
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
