package dev.atelier.asset.web;

import dev.atelier.asset.AssetVersion;
import dev.atelier.shared.NotFoundException;
import dev.atelier.storage.BlobContent;
import dev.atelier.storage.BlobStore;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Serves a version's original bytes. Spring MVC answers {@code Range} (206) and
 * {@code If-None-Match} (304) for a {@link Resource} body with an ETag. User content is never
 * trusted: {@code nosniff}, a sandboxing CSP, and {@code attachment} for anything a browser
 * could execute or render as a page (SVG, HTML, PDF, unknown types).
 */
@Component
class ContentResponses {

    private static final Set<String> INLINE_TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp", "image/avif",
            "image/bmp", "image/tiff");

    private final BlobStore blobs;

    ContentResponses(BlobStore blobs) {
        this.blobs = blobs;
    }

    ResponseEntity<Resource> original(AssetVersion version, boolean download) {
        BlobContent blob = blobs.open(version.blobKey())
                .orElseThrow(() -> new NotFoundException("the content of version " + version.number()));
        Resource body = blob.asResource();
        boolean inline = !download && isInlineSafe(version.mediaType());
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(version.originalFilename(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(version.mediaType()))
                .eTag("\"" + version.blobKey().sha256() + "\"")
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'; media-src 'self'")
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=0, must-revalidate")
                .body(body);
    }

    static boolean isInlineSafe(String mediaType) {
        return INLINE_TYPES.contains(mediaType) || mediaType.startsWith("video/") || mediaType.startsWith("audio/");
    }
}
