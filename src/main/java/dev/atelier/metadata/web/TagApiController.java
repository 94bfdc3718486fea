package dev.atelier.metadata.web;

import dev.atelier.asset.AssetEtags;
import dev.atelier.asset.AssetId;
import dev.atelier.identity.Actor;
import dev.atelier.metadata.AssetTagManagement;
import dev.atelier.metadata.AssetTags;
import dev.atelier.metadata.BulkTagDecision;
import dev.atelier.metadata.TagSuggestion;
import dev.atelier.metadata.TagSuggestionManagement;
import dev.atelier.metadata.TagSuggestions;
import dev.atelier.shared.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** Asset tags and the external tagger's suggestions. */
@RestController
@Tag(name = "Tags")
class TagApiController {

    private final AssetTagManagement tags;
    private final TagSuggestionManagement suggestions;

    TagApiController(AssetTagManagement tags, TagSuggestionManagement suggestions) {
        this.tags = tags;
        this.suggestions = suggestions;
    }

    record TagsResource(String assetId, long revision, List<String> tags) {}

    record TagChange(@Nullable List<String> add, @Nullable List<String> remove) {}

    record SuggestionResource(String tag, double confidence, int version) {}

    record SuggestionsResource(String assetId, int version, String tagger, @Nullable String reason, List<SuggestionResource> items) {}

    record Decision(@Nullable List<String> tags) {}

    record Decided(int decided) {}

    record BulkDecision(@Nullable List<String> assetIds, @Nullable List<String> tags) {}

    record Failure(String assetId, String reason) {}

    record BulkResult(int assets, int tags, List<Failure> failures) {}

    @Operation(summary = "The asset's own tags", description = "Free keywords people gave the asset; search finds them with tag: and "
            + "counts them in the tag facet, beside the keywords embedded in its files. The ETag is the asset's.")
    @GetMapping("/api/v1/assets/{id}/tags")
    ResponseEntity<TagsResource> get(Actor actor, @PathVariable String id) {
        return respond(tags.of(actor, AssetId.parse(id)));
    }

    @Operation(summary = "Add and remove tags", description = "{\"add\":[...], \"remove\":[...]}: one audited edit of the asset. "
            + "Tags are 1..100 characters; case does not make a new tag. If-Match with the asset's ETag; stale is a 412.")
    @PatchMapping("/api/v1/assets/{id}/tags")
    ResponseEntity<TagsResource> change(Actor actor, @PathVariable String id, @RequestBody TagChange body,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return respond(tags.change(actor, AssetId.parse(id), orEmpty(body.add()), orEmpty(body.remove()), AssetEtags.fromIfMatch(ifMatch)));
    }

    @Operation(summary = "Open tag suggestions of the external tagger", description = "tagger: off, pending, done, skipped (no JPEG "
            + "preview) or failed (with reason), for the current version; items: open suggestions, most confident first.")
    @GetMapping("/api/v1/assets/{id}/tag-suggestions")
    SuggestionsResource suggestions(Actor actor, @PathVariable String id) {
        TagSuggestions s = suggestions.of(actor, AssetId.parse(id));
        return new SuggestionsResource(s.assetId().toString(), s.version(), s.tagger().name().toLowerCase(Locale.ROOT), s.reason().orElse(null),
                s.items().stream().map(i -> new SuggestionResource(i.tag(), i.confidence(), i.version())).toList());
    }

    @Operation(summary = "Accept suggestions: they become tags of the asset", description = "{\"tags\":[...]}; each must be open.")
    @PostMapping("/api/v1/assets/{id}/tag-suggestions/accept")
    Decided accept(Actor actor, @PathVariable String id, @RequestBody Decision body) {
        return new Decided(suggestions.accept(actor, AssetId.parse(id), orEmpty(body.tags())));
    }

    @Operation(summary = "Reject suggestions: they are not suggested for this asset again", description = "{\"tags\":[...]}; each must be open.")
    @PostMapping("/api/v1/assets/{id}/tag-suggestions/reject")
    Decided reject(Actor actor, @PathVariable String id, @RequestBody Decision body) {
        return new Decided(suggestions.reject(actor, AssetId.parse(id), orEmpty(body.tags())));
    }

    @Operation(summary = "Accept suggestions over many assets", description = "{\"assetIds\":[...], \"tags\":[...]}; without tags every "
            + "open suggestion of those assets. Each asset is its own edit; those that cannot be changed are listed in failures.")
    @PostMapping("/api/v1/tag-suggestions/accept")
    BulkResult acceptAll(Actor actor, @RequestBody BulkDecision body) {
        return bulk(actor, body, TagSuggestion.Status.ACCEPTED);
    }

    @Operation(summary = "Reject suggestions over many assets", description = "As accepting, the other way.")
    @PostMapping("/api/v1/tag-suggestions/reject")
    BulkResult rejectAll(Actor actor, @RequestBody BulkDecision body) {
        return bulk(actor, body, TagSuggestion.Status.REJECTED);
    }

    private BulkResult bulk(Actor actor, BulkDecision body, TagSuggestion.Status decision) {
        if (body.assetIds() == null) {
            throw new InvalidRequestException("assetIds is required.");
        }
        List<AssetId> ids = body.assetIds().stream().map(i -> AssetId.parse(String.valueOf(i))).toList();
        BulkTagDecision result = suggestions.decideAll(actor, ids, Optional.ofNullable(body.tags()), decision);
        return new BulkResult(result.assets(), result.tags(),
                result.failures().stream().map(f -> new Failure(f.assetId().toString(), f.reason())).toList());
    }

    private static List<String> orEmpty(@Nullable List<String> values) {
        return values == null ? List.of() : values;
    }

    private static ResponseEntity<TagsResource> respond(AssetTags t) {
        return ResponseEntity.ok().eTag(AssetEtags.of(t.revision())).body(new TagsResource(t.assetId().toString(), t.revision(), t.tags()));
    }
}
