package dev.atelier.media.web;

import dev.atelier.asset.AssetId;
import dev.atelier.identity.Actor;
import dev.atelier.media.internal.FocalPoints;
import dev.atelier.media.internal.FocalPoints.FocalPoint;
import dev.atelier.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The asset's focal point, which cover crops without an explicit gravity keep in frame. */
@RestController
@Tag(name = "Renditions")
class FocalPointController {

    private final FocalPoints focalPoints;

    FocalPointController(FocalPoints focalPoints) {
        this.focalPoints = focalPoints;
    }

    @Operation(summary = "The asset's focal point (404 when none is set)")
    @GetMapping("/api/v1/assets/{id}/focal-point")
    FocalPoint get(Actor actor, @PathVariable String id) {
        AssetId asset = AssetId.parse(id);
        focalPoints.mayView(actor, asset);
        return focalPoints.find(asset).orElseThrow(() -> new NotFoundException("focal point of asset " + id));
    }

    @Operation(summary = "Set the focal point", description = "Body: {\"x\": 0.3, \"y\": 0.7}, fractions of width and height from the top left.")
    @PutMapping("/api/v1/assets/{id}/focal-point")
    FocalPoint put(Actor actor, @PathVariable String id, @RequestBody Map<String, Double> body) {
        return focalPoints.set(actor, AssetId.parse(id), body.getOrDefault("x", Double.NaN), body.getOrDefault("y", Double.NaN));
    }

    @Operation(summary = "Remove the focal point: crops go back to the centre")
    @DeleteMapping("/api/v1/assets/{id}/focal-point")
    ResponseEntity<Void> delete(Actor actor, @PathVariable String id) {
        focalPoints.clear(actor, AssetId.parse(id));
        return ResponseEntity.noContent().build();
    }

    /** The asset page sets it with a click on the preview (session and CSRF, unlike the API). */
    @PostMapping("/assets/{id}/focal-point")
    FocalPoint setFromPage(Actor actor, @PathVariable String id, @RequestParam double x, @RequestParam double y) {
        return focalPoints.set(actor, AssetId.parse(id), x, y);
    }
}
