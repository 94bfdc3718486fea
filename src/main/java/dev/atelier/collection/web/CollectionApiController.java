package dev.atelier.collection.web;

import dev.atelier.asset.AssetId;
import dev.atelier.collection.AssetCollection;
import dev.atelier.collection.CollectionManagement;
import dev.atelier.identity.Actor;
import dev.atelier.shared.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Collections")
class CollectionApiController {

    private final CollectionManagement collections;

    CollectionApiController(CollectionManagement collections) {
        this.collections = collections;
    }

    record CollectionResource(String id, String name, String kind, @Nullable String parentId, @Nullable String query, long size,
            String assets) {
        static CollectionResource of(AssetCollection c, long size) {
            return new CollectionResource(c.id().toString(), c.name(), c.kind().name().toLowerCase(Locale.ROOT),
                    c.parent().map(UUID::toString).orElse(null), c.query().orElse(null), size,
                    "/api/v1/search?collection=" + c.id());
        }
    }

    record NewCollection(String name, @Nullable String kind, @Nullable String parentId, @Nullable String query) {}

    record CollectionPatch(@Nullable String name, @Nullable String parentId) {}

    record Members(List<String> assetIds) {}

    @Operation(summary = "Every folder, collection and smart collection", description = "'assets' is the search that lists its assets.")
    @GetMapping("/api/v1/collections")
    List<CollectionResource> list(Actor actor) {
        return collections.all(actor).stream().map(this::resource).toList();
    }

    @Operation(summary = "Create a folder, collection or smart collection",
            description = "kind: folder (holds collections and assets), collection (default) or smart (needs 'query', the search that fills it).")
    @PostMapping("/api/v1/collections")
    ResponseEntity<CollectionResource> create(Actor actor, @RequestBody NewCollection body) {
        AssetCollection c = collections.create(actor, body.name() == null ? "" : body.name(), kind(body.kind()), uuid(body.parentId()),
                Optional.ofNullable(body.query()));
        return ResponseEntity.created(URI.create("/api/v1/collections/" + c.id())).body(CollectionResource.of(c, 0));
    }

    @GetMapping("/api/v1/collections/{id}")
    CollectionResource get(Actor actor, @PathVariable UUID id) {
        return resource(collections.get(actor, id));
    }

    @Operation(summary = "Rename, or move into another folder ('parentId'; empty string for the top)")
    @PatchMapping("/api/v1/collections/{id}")
    CollectionResource patch(Actor actor, @PathVariable UUID id, @RequestBody CollectionPatch body) {
        AssetCollection c = collections.get(actor, id);
        if (body.name() != null) {
            c = collections.rename(actor, id, body.name());
        }
        if (body.parentId() != null) {
            c = collections.move(actor, id, uuid(body.parentId()));
        }
        return resource(c);
    }

    @DeleteMapping("/api/v1/collections/{id}")
    ResponseEntity<Void> delete(Actor actor, @PathVariable UUID id) {
        collections.delete(actor, id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Add assets")
    @PostMapping("/api/v1/collections/{id}/assets")
    Map<String, Integer> add(Actor actor, @PathVariable UUID id, @RequestBody Members body) {
        return Map.of("added", collections.add(actor, id, body.assetIds().stream().map(AssetId::parse).toList()));
    }

    @DeleteMapping("/api/v1/collections/{id}/assets/{assetId}")
    ResponseEntity<Void> remove(Actor actor, @PathVariable UUID id, @PathVariable String assetId) {
        collections.remove(actor, id, AssetId.parse(assetId));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The collections an asset is in")
    @GetMapping("/api/v1/assets/{id}/collections")
    List<CollectionResource> ofAsset(Actor actor, @PathVariable String id) {
        return collections.of(actor, AssetId.parse(id)).stream().map(this::resource).toList();
    }

    private CollectionResource resource(AssetCollection c) {
        return CollectionResource.of(c, collections.size(c.id()));
    }

    private static AssetCollection.Kind kind(@Nullable String kind) {
        try {
            return kind == null ? AssetCollection.Kind.COLLECTION : AssetCollection.Kind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("'kind' is folder, collection or smart.");
        }
    }

    private static Optional<UUID> uuid(@Nullable String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("'" + id + "' is not a collection id.");
        }
    }
}
