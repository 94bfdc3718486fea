package dev.atelier.proofing.web;

import dev.atelier.asset.AssetId;
import dev.atelier.identity.Actor;
import dev.atelier.proofing.Annotation;
import dev.atelier.proofing.AnnotationId;
import dev.atelier.proofing.AnnotationManagement;
import dev.atelier.proofing.Comment;
import dev.atelier.proofing.InvalidAnnotationException;
import dev.atelier.proofing.NewAnnotation;
import dev.atelier.proofing.web.ProofingResources.AnnotationResource;
import dev.atelier.proofing.web.ProofingResources.CommentResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Annotations and their threads. The review page posts new annotations to the same method under
 * {@code /assets/…} with its session and CSRF token, since the API chain takes no session.
 */
@RestController
@Tag(name = "Proofing")
class AnnotationApiController {

    private final AnnotationManagement annotations;
    private final ProofingResources resources;

    AnnotationApiController(AnnotationManagement annotations, ProofingResources resources) {
        this.annotations = annotations;
        this.resources = resources;
    }

    record AnnotationBody(@Nullable MarkBody mark, @Nullable String body, @Nullable List<String> attachments) {}

    record ReplyBody(@Nullable String body, @Nullable List<String> attachments) {}

    @Operation(summary = "The annotations of a version, by number, with their threads")
    @GetMapping("/api/v1/assets/{id}/versions/{n}/annotations")
    List<AnnotationResource> list(Actor actor, @PathVariable String id, @PathVariable int n) {
        var names = resources.names();
        return annotations.annotations(actor, AssetId.parse(id), n).stream().map(a -> resources.annotation(a, names)).toList();
    }

    @Operation(summary = "Annotate a version (reviewers and the asset's owner)",
            description = "mark: {type: image|page|video|audio, page, startMs, endMs, region: {shape: pin|rect|freehand, x, y, w, h, "
                    + "points: [[x,y],…]}}; coordinates are fractions 0..1 of the picture. body: up to 10000 characters; @username "
                    + "mentions a user. attachments: library asset ids. 400 /problems/invalid-annotation when the mark is out of range "
                    + "or does not fit the version's type.")
    @PostMapping({"/api/v1/assets/{id}/versions/{n}/annotations", "/assets/{id}/review/versions/{n}/annotations"})
    ResponseEntity<AnnotationResource> annotate(Actor actor, @PathVariable String id, @PathVariable int n, @RequestBody AnnotationBody body) {
        if (body.mark() == null) {
            throw new InvalidAnnotationException("Say where the annotation is: 'mark' is missing.");
        }
        var added = annotations.annotate(actor, AssetId.parse(id), n,
                new NewAnnotation(body.mark().mark(), Objects.requireNonNullElse(body.body(), ""), assetIds(body.attachments())));
        return ResponseEntity.created(URI.create("/api/v1/annotations/" + added.id())).body(resources.annotation(added));
    }

    @Operation(summary = "One annotation with its thread")
    @GetMapping("/api/v1/annotations/{id}")
    AnnotationResource get(Actor actor, @PathVariable String id) {
        return resources.annotation(annotations.get(actor, AnnotationId.parse(id)));
    }

    @Operation(summary = "Reply on an annotation's thread", description = "body: up to 10000 characters, @username mentions; attachments: asset ids.")
    @PostMapping("/api/v1/annotations/{id}/replies")
    ResponseEntity<CommentResource> reply(Actor actor, @PathVariable String id, @RequestBody ReplyBody body) {
        Comment reply = annotations.reply(actor, AnnotationId.parse(id), Objects.requireNonNullElse(body.body(), ""),
                assetIds(body.attachments()));
        return ResponseEntity.created(URI.create("/api/v1/annotations/" + id)).body(resources.comment(reply, resources.names()));
    }

    @Operation(summary = "Resolve an annotation", description = "409 when it is resolved already.")
    @PostMapping("/api/v1/annotations/{id}/resolve")
    AnnotationResource resolve(Actor actor, @PathVariable String id) {
        return resources.annotation(annotations.resolve(actor, AnnotationId.parse(id)));
    }

    @Operation(summary = "Reopen a resolved annotation", description = "409 when it is open.")
    @PostMapping("/api/v1/annotations/{id}/reopen")
    AnnotationResource reopen(Actor actor, @PathVariable String id) {
        Annotation a = annotations.reopen(actor, AnnotationId.parse(id));
        return resources.annotation(a);
    }

    static List<AssetId> assetIds(@Nullable List<String> ids) {
        return ids == null ? List.of() : ids.stream().filter(s -> s != null && !s.isBlank()).map(s -> AssetId.parse(s.strip())).toList();
    }
}
