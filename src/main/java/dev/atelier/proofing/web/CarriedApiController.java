package dev.atelier.proofing.web;

import dev.atelier.asset.AssetId;
import dev.atelier.identity.Actor;
import dev.atelier.proofing.CarriedItemId;
import dev.atelier.proofing.CarriedItemManagement;
import dev.atelier.proofing.web.ProofingResources.CarriedResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The checklist carried to a version from the open annotations of the one before. */
@RestController
@Tag(name = "Proofing")
class CarriedApiController {

    private final CarriedItemManagement items;
    private final ProofingResources resources;

    CarriedApiController(CarriedItemManagement items, ProofingResources resources) {
        this.items = items;
        this.resources = resources;
    }

    record ReopenBody(@Nullable String body) {}

    @Operation(summary = "The checklist of a version: annotations carried from the version before",
            description = "state: open, addressed (by the creator), confirmed (by a reviewer); thread links the original annotation.")
    @GetMapping("/api/v1/assets/{id}/versions/{n}/carried")
    List<CarriedResource> list(Actor actor, @PathVariable String id, @PathVariable int n) {
        var names = resources.names();
        return items.carried(actor, AssetId.parse(id), n).stream().map(i -> resources.carried(i, names)).toList();
    }

    @Operation(summary = "Mark a carried item addressed (the asset's owner, the version's uploader or a manager)",
            description = "409 unless it is open.")
    @PostMapping("/api/v1/carried/{id}/addressed")
    CarriedResource addressed(Actor actor, @PathVariable String id) {
        return resources.carried(items.markAddressed(actor, CarriedItemId.parse(id)), resources.names());
    }

    @Operation(summary = "Confirm a carried item is addressed (reviewers)", description = "409 unless it was marked addressed.")
    @PostMapping("/api/v1/carried/{id}/confirm")
    CarriedResource confirm(Actor actor, @PathVariable String id) {
        return resources.carried(items.confirm(actor, CarriedItemId.parse(id)), resources.names());
    }

    @Operation(summary = "Reopen a carried item with a reply on its original thread (reviewers)", description = "body: why, up to 10000 characters.")
    @PostMapping("/api/v1/carried/{id}/reopen")
    CarriedResource reopen(Actor actor, @PathVariable String id, @RequestBody ReopenBody body) {
        return resources.carried(items.reopen(actor, CarriedItemId.parse(id), Objects.requireNonNullElse(body.body(), "")), resources.names());
    }
}
