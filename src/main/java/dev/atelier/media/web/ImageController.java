package dev.atelier.media.web;

import dev.atelier.asset.AssetId;
import dev.atelier.identity.Actor;
import dev.atelier.media.ImageSpec;
import dev.atelier.media.internal.ImageDelivery;
import dev.atelier.media.internal.ImageDelivery.Delivered;
import dev.atelier.shared.NotFoundException;
import dev.atelier.storage.BlobStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Signed dynamic rendition URLs: handed out to viewers by the API, served to anyone holding one. */
@RestController
@Tag(name = "Renditions")
class ImageController {

    private final ImageDelivery delivery;
    private final dev.atelier.asset.AssetManagement assets;
    private final BlobStore blobs;

    ImageController(ImageDelivery delivery, BlobStore blobs, dev.atelier.asset.AssetManagement assets) {
        this.delivery = delivery;
        this.assets = assets;
        this.blobs = blobs;
    }

    record SignedUrl(String path, String url) {
    }

    @Operation(summary = "A signed URL for a dynamic rendition",
            description = "Parameters: w, h (pixels, at least one), fit (inside|contain|cover|fill), g (center|north|...|southwest), "
                    + "fm (auto|jpeg|png|webp|avif), q (1-100), dpr (1-4), v (version; without it the URL follows the current version). "
                    + "400 /problems/image-size-too-large above atelier.media.max-dynamic-edge.")
    @GetMapping("/api/v1/assets/{id}/image-url")
    SignedUrl sign(Actor actor, @PathVariable String id, @RequestParam Map<String, String> query) {
        ImageSpec spec = ImageSpec.parse(query);
        // a signed URL takes a copy out of the building: viewers may have one for released versions only
        assets.download(actor, AssetId.parse(id), spec.version());
        String path = delivery.signedPath(actor, AssetId.parse(id), spec);
        return new SignedUrl(path, ServletUriComponentsBuilder.fromCurrentContextPath().path(path).build(false).toUriString());
    }

    /**
     * Most requests are answered before this, by {@link CachedImageValve}; this answers the rest
     * (other shapes of the URL, {@code Range}, stores without local files) and every error,
     * including the valve's own failure, which is not attempted a second time.
     */
    @Operation(summary = "A dynamic rendition (signed URL, no login)",
            description = "403 /problems/invalid-signature when unsigned or altered. Cached by content; ETag and If-None-Match; "
                    + "URLs with v are immutable for a year.")
    @GetMapping("/cdn/assets/{id}/image")
    ResponseEntity<Resource> image(@PathVariable String id, @RequestParam Map<String, String> query,
            @RequestHeader(name = HttpHeaders.ACCEPT, defaultValue = "*/*") String accept, WebRequest request,
            HttpServletRequest servletRequest) {
        if (servletRequest.getAttribute(CachedImageValve.FAILURE) instanceof RuntimeException failure) {
            throw failure;
        }
        Delivered image = delivery.deliver(AssetId.parse(id), query, accept);
        String etag = DeliveryHeaders.etag(image);
        boolean unchanged = request.checkNotModified(etag);
        ResponseEntity.BodyBuilder response = (unchanged ? ResponseEntity.status(304) : ResponseEntity.ok())
                .eTag(etag).cacheControl(DeliveryHeaders.caching(image)).header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", DeliveryHeaders.CONTENT_SECURITY_POLICY);
        if (image.negotiated()) {
            response = response.varyBy(HttpHeaders.ACCEPT);
        }
        if (unchanged) {
            return response.build();
        }
        return BlobBodies.whole(response.contentType(MediaType.parseMediaType(image.mediaType())), servletRequest, blobs, image.blob(),
                () -> new NotFoundException("the rendition's content"));
    }
}
