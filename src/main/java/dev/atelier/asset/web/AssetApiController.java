package dev.atelier.asset.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import dev.atelier.asset.Asset;
import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetManagement;
import dev.atelier.asset.AssetStatus;
import dev.atelier.identity.Actor;
import dev.atelier.shared.Cursor;
import dev.atelier.shared.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/assets}: read, edit, trash and restore assets; download originals. */
@RestController
@Tag(name = "Assets")
class AssetApiController {

    private final AssetManagement assets;
    private final ContentResponses content;

    AssetApiController(AssetManagement assets, ContentResponses content) {
        this.assets = assets;
        this.content = content;
    }

    record AssetPage(List<AssetResource> items, @Nullable String next) {
    }

    record AssetPatch(@Nullable String title, @Nullable String description, @Nullable Boolean confidential) {
    }

    @Operation(summary = "List assets, newest first", description = "Pass the 'next' value of a page as 'cursor' for the following page.")
    @GetMapping("/api/v1/assets")
    AssetPage list(Actor actor, @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit,
            @RequestParam(defaultValue = "active") String status) {
        var page = assets.list(actor, parseStatus(status), Cursor.decode(cursor), limit);
        var states = assets.reviewStates(page.items());
        return new AssetPage(page.items().stream().map(a -> AssetResource.of(a, states.get(a.id()))).toList(), page.next().orElse(null));
    }

    @GetMapping("/api/v1/assets/{id}")
    ResponseEntity<AssetResource> get(Actor actor, @PathVariable String id) {
        return withEtag(assets.get(actor, AssetId.parse(id)));
    }

    @Operation(summary = "Change title, description and/or confidentiality",
            description = "Send If-Match with the ETag you read; a stale one is a 412. confidential: true makes the asset visible to its "
                    + "owner, managers and admins only (owner or manager may change it).")
    @PatchMapping(path = "/api/v1/assets/{id}", consumes = {"application/json", "application/merge-patch+json"})
    ResponseEntity<AssetResource> edit(Actor actor, @PathVariable String id, @RequestBody AssetPatch patch,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        AssetId assetId = AssetId.parse(id);
        Asset asset = patch.title() == null && patch.description() == null ? assets.get(actor, assetId)
                : assets.edit(actor, assetId, Optional.ofNullable(patch.title()), Optional.ofNullable(patch.description()),
                        dev.atelier.asset.AssetEtags.fromIfMatch(ifMatch));
        if (patch.confidential() != null) {
            asset = assets.setConfidential(actor, assetId, patch.confidential());
        }
        return withEtag(asset);
    }

    @Operation(summary = "Move an asset to the trash")
    @DeleteMapping("/api/v1/assets/{id}")
    ResponseEntity<AssetResource> trash(Actor actor, @PathVariable String id) {
        return withEtag(assets.trash(actor, AssetId.parse(id)));
    }

    @Operation(summary = "Restore an asset from the trash")
    @PostMapping("/api/v1/assets/{id}/restore")
    ResponseEntity<AssetResource> restore(Actor actor, @PathVariable String id) {
        return withEtag(assets.restore(actor, AssetId.parse(id)));
    }

    @Operation(summary = "Download the current version's original bytes", description = "Supports Range (206) and If-None-Match.")
    @GetMapping({"/api/v1/assets/{id}/content", "/assets/{id}/content"})
    ResponseEntity<Resource> currentContent(Actor actor, @PathVariable String id, @RequestParam(defaultValue = "false") boolean download) {
        return content.original(assets.download(actor, AssetId.parse(id), Optional.empty()), download);
    }

    @Operation(summary = "Download a version's original bytes")
    @GetMapping({"/api/v1/assets/{id}/versions/{number}/content", "/assets/{id}/versions/{number}/content"})
    ResponseEntity<Resource> versionContent(Actor actor, @PathVariable String id, @PathVariable int number,
            @RequestParam(defaultValue = "false") boolean download) {
        return content.original(assets.download(actor, AssetId.parse(id), Optional.of(number)), download);
    }

    private ResponseEntity<AssetResource> withEtag(Asset asset) {
        var state = assets.reviewState(asset.id(), asset.currentVersion().number());
        return ResponseEntity.ok().eTag(AssetResource.etag(asset)).body(AssetResource.of(asset, state));
    }

    private static AssetStatus parseStatus(String status) {
        try {
            return AssetStatus.valueOf(status.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("status must be 'active' or 'trashed'.");
        }
    }
}
