package dev.atelier.metadata.web;

import dev.atelier.asset.AssetId;
import dev.atelier.identity.Actor;
import dev.atelier.metadata.AssetSelection;
import dev.atelier.metadata.BulkEdit;
import dev.atelier.metadata.BulkEditManagement;
import dev.atelier.metadata.FieldChange;
import dev.atelier.shared.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Bulk edits of custom fields: started with 202 and followed at their own URL. */
@RestController
@Tag(name = "Fields")
class BulkEditApiController {

    private final BulkEditManagement bulkEdits;

    BulkEditApiController(BulkEditManagement bulkEdits) {
        this.bulkEdits = bulkEdits;
    }

    record ChangeBody(@Nullable String field, @Nullable String operation, @Nullable List<String> values) {
        FieldChange toChange() {
            return new FieldChange(field == null ? "" : field, FieldChange.operation(operation == null ? "set" : operation),
                    values == null ? List.of() : values);
        }
    }

    record BulkEditBody(@Nullable List<String> assetIds, @Nullable String query, @Nullable Map<String, List<String>> facets,
            @Nullable List<ChangeBody> changes) {

        AssetSelection selection() {
            if (assetIds != null && (query != null || facets != null)) {
                throw new InvalidRequestException("Give either assetIds or a search (query, facets), not both.");
            }
            if (assetIds != null) {
                return new AssetSelection.Listed(assetIds.stream().map(AssetId::parse).toList());
            }
            return new AssetSelection.Search(query == null ? "" : query, facets == null ? Map.of() : facets);
        }
    }

    record BulkEditResource(String id, String status, int total, int done, int percent, int changed, int failed, @Nullable String reason,
            List<BulkEdit.Failure> failures, List<FieldChange> changes) {
        static BulkEditResource of(BulkEdit e) {
            return new BulkEditResource(e.id().toString(), e.status().name().toLowerCase(), e.total(), e.done(), e.percent(), e.changed(),
                    e.failed(), e.reason().orElse(null), e.failures(), e.changes());
        }
    }

    @Operation(summary = "Change fields of many assets in the background",
            description = "Selection: assetIds, or a search (query and facets as on /api/v1/search; every result the caller sees). "
                    + "changes: [{field, operation: set|add|remove|clear, values}]. Answers 202 with the job; GET its Location for progress "
                    + "(status queued, running, done, failed; total, done, changed, failed) and the report of assets that could not be changed.")
    @PostMapping("/api/v1/bulk-edits")
    ResponseEntity<BulkEditResource> start(Actor actor, @RequestBody BulkEditBody body) {
        List<FieldChange> changes = body.changes() == null ? List.of() : body.changes().stream().map(ChangeBody::toChange).toList();
        BulkEdit edit = bulkEdits.start(actor, body.selection(), changes);
        return ResponseEntity.accepted().location(URI.create("/api/v1/bulk-edits/" + edit.id())).body(BulkEditResource.of(edit));
    }

    @Operation(summary = "Progress and report of a bulk edit")
    @GetMapping("/api/v1/bulk-edits/{id}")
    BulkEditResource get(Actor actor, @PathVariable UUID id) {
        return BulkEditResource.of(bulkEdits.get(actor, id));
    }
}
