package dev.atelier.ingest.web;

import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetManagement;
import dev.atelier.asset.AssetVersion;
import dev.atelier.identity.Actor;
import dev.atelier.ingest.NamingManagement;
import dev.atelier.ingest.NamingRule;
import dev.atelier.shared.InvalidRequestException;
import dev.atelier.shared.NotFoundException;
import dev.atelier.storage.BlobStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Naming conventions")
class NamingController {

    private final NamingManagement naming;
    private final AssetManagement assets;
    private final BlobStore blobs;

    NamingController(NamingManagement naming, AssetManagement assets, BlobStore blobs) {
        this.naming = naming;
        this.assets = assets;
        this.blobs = blobs;
    }

    record RuleResource(String id, String name, String template, String appliesTo, String mode, String example) {
        static RuleResource of(NamingRule r) {
            return new RuleResource(r.id().toString(), r.name(), r.template().template(), r.appliesTo(),
                    r.mode().name().toLowerCase(Locale.ROOT), r.template().example());
        }
    }

    record NewRule(String name, String template, @Nullable String appliesTo, @Nullable String mode) {}

    @GetMapping("/api/v1/naming-rules")
    List<RuleResource> list(Actor actor) {
        return naming.all(actor).stream().map(RuleResource::of).toList();
    }

    @Operation(summary = "Add a naming convention (admins)", description = "template tokens: {title}, {brief}, {channel}, {market}, "
            + "{width}, {height}, {version}, {date} (yyyymmdd), {ext}, {any}; appliesTo: all (default), image, video, audio, document "
            + "or a media type; mode: warn (default) or reject.")
    @PostMapping("/api/v1/naming-rules")
    ResponseEntity<RuleResource> create(Actor actor, @RequestBody NewRule body) {
        NamingRule.Mode mode;
        try {
            mode = NamingRule.Mode.valueOf((body.mode() == null ? "warn" : body.mode()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("'mode' is warn or reject.");
        }
        NamingRule rule = naming.create(actor, body.name() == null ? "" : body.name(), body.template() == null ? "" : body.template(),
                body.appliesTo() == null ? "all" : body.appliesTo(), mode);
        return ResponseEntity.created(URI.create("/api/v1/naming-rules/" + rule.id())).body(RuleResource.of(rule));
    }

    @DeleteMapping("/api/v1/naming-rules/{id}")
    ResponseEntity<Void> delete(Actor actor, @PathVariable UUID id) {
        naming.delete(actor, id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The original, named by the naming convention for its type")
    @GetMapping({"/api/v1/assets/{id}/named-content", "/assets/{id}/named-content"})
    ResponseEntity<Resource> named(Actor actor, @PathVariable String id, @RequestParam Optional<Integer> version) {
        AssetId asset = AssetId.parse(id);
        AssetVersion v = assets.download(actor, asset, version);
        String filename = naming.nameFor(actor, asset, version);
        var blob = blobs.open(v.blobKey()).orElseThrow(() -> new NotFoundException("the content of version " + v.number()));
        Resource body = blob.asResource();
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(v.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(body);
    }
}
