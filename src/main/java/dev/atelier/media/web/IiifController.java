package dev.atelier.media.web;

import dev.atelier.asset.AssetId;
import dev.atelier.identity.Actor;
import dev.atelier.media.internal.IiifImages;
import dev.atelier.media.internal.ImageDelivery.Delivered;
import dev.atelier.shared.NotFoundException;
import dev.atelier.storage.BlobStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** IIIF Image API 3.0 (level 2), so viewers such as OpenSeadragon and Mirador work against Atelier. */
@RestController
@Tag(name = "IIIF")
class IiifController {

    private static final MediaType IIIF_JSON = MediaType.parseMediaType(
            "application/ld+json;profile=\"http://iiif.io/api/image/3/context.json\"");

    private final IiifImages iiif;
    private final BlobStore blobs;

    IiifController(IiifImages iiif, BlobStore blobs) {
        this.iiif = iiif;
        this.blobs = blobs;
    }

    @Operation(summary = "IIIF image information (info.json)")
    @GetMapping("/iiif/3/{id}/info.json")
    ResponseEntity<Map<String, Object>> info(Actor actor, @PathVariable String id) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().path("/iiif/3/{id}").buildAndExpand(id).toUriString();
        return ResponseEntity.ok().contentType(IIIF_JSON).header("Access-Control-Allow-Origin", "*")
                .body(iiif.info(actor, AssetId.parse(id), base));
    }

    @GetMapping("/iiif/3/{id}")
    ResponseEntity<Void> base(@PathVariable String id) {
        return ResponseEntity.status(303).header("Location", "/iiif/3/" + id + "/info.json").build();
    }

    @Operation(summary = "A IIIF image request: {region}/{size}/{rotation}/{quality}.{format}")
    @GetMapping("/iiif/3/{id}/{region}/{size}/{rotation}/{qualityFormat:.+}")
    ResponseEntity<Resource> image(Actor actor, @PathVariable String id, @PathVariable String region, @PathVariable String size,
            @PathVariable String rotation, @PathVariable String qualityFormat, WebRequest request) {
        Delivered image = iiif.image(actor, AssetId.parse(id), region, size, rotation, qualityFormat);
        String etag = DeliveryHeaders.etag(image);
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(304).eTag(etag).build();
        }
        Resource body = BlobBodies.of(blobs, image.blob(), () -> new NotFoundException("the image's content"));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(image.mediaType())).eTag(etag)
                .cacheControl(CacheControl.noCache().cachePrivate()).header("Access-Control-Allow-Origin", "*")
                .header("Link", "<http://iiif.io/api/image/3/level2.json>;rel=\"profile\"").body(body);
    }
}
