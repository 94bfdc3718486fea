package dev.atelier.brief.web;

import dev.atelier.asset.AssetEtags;
import dev.atelier.asset.AssetId;
import dev.atelier.brief.Brief;
import dev.atelier.brief.BriefCollaboration;
import dev.atelier.brief.BriefForm;
import dev.atelier.brief.BriefId;
import dev.atelier.brief.BriefIntake;
import dev.atelier.brief.BriefManagement;
import dev.atelier.brief.BriefStatus;
import dev.atelier.brief.LinkedAsset;
import dev.atelier.brief.web.BriefResources.BriefResource;
import dev.atelier.brief.web.BriefResources.LinkResource;
import dev.atelier.identity.Actor;
import dev.atelier.identity.UserId;
import dev.atelier.metadata.FieldValidationException;
import dev.atelier.shared.Ids;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Briefs: writing, submitting, intake decisions, criteria, linked assets and comments. */
@RestController
@Tag(name = "Briefs")
class BriefApiController {

    private final BriefManagement briefs;
    private final BriefIntake intake;
    private final BriefCollaboration collaboration;

    BriefApiController(BriefManagement briefs, BriefIntake intake, BriefCollaboration collaboration) {
        this.briefs = briefs;
        this.intake = intake;
        this.collaboration = collaboration;
    }

    record BriefBody(@Nullable String templateId, @Nullable String title, @Nullable String due, @Nullable String boardId,
            @Nullable List<String> assigneeIds, @Nullable Map<String, Object> values, @Nullable List<String> criteria) {
        BriefForm form() {
            return new BriefForm(Objects.requireNonNullElse(title, ""), date(due), Optional.ofNullable(boardId).filter(b -> !b.isBlank())
                    .map(Ids::parse), Objects.requireNonNullElse(assigneeIds, List.<String>of()).stream()
                    .map(s -> new UserId(Ids.parse(s))).toList(), Objects.requireNonNullElse(values, Map.of()),
                    Objects.requireNonNullElse(criteria, List.of()));
        }
    }

    record Decision(@Nullable String comment) {}

    record Tick(boolean met) {}

    record Link(String assetId, @Nullable String role) {}

    record Comment(String body) {}

    record CommentResource(String id, String authorId, String body, Instant createdAt) {}

    @Operation(summary = "Briefs, newest first", description = "status: draft, submitted, returned, accepted or rejected.")
    @GetMapping("/api/v1/briefs")
    List<BriefResource> list(Actor actor, @RequestParam Optional<String> status, @RequestParam(defaultValue = "100") int limit) {
        return briefs.list(actor, status.map(BriefApiController::status), limit).stream().map(BriefResource::of).toList();
    }

    @Operation(summary = "Start a brief from a template (a draft)",
            description = "values by field key: text/number/date as strings, money {amount, currency}, milestones [{name, due}], choices and "
                    + "term/asset ids as lists, checkbox true/false. Drafts need well-formed values only; submit checks completeness.")
    @PostMapping("/api/v1/briefs")
    ResponseEntity<BriefResource> create(Actor actor, @RequestBody BriefBody body) {
        if (body.templateId() == null || body.templateId().isBlank()) {
            throw FieldValidationException.of("templateId", "Choose the template the brief is made from.");
        }
        Brief b = briefs.create(actor, Ids.parse(body.templateId()), body.form());
        return ResponseEntity.created(URI.create("/api/v1/briefs/" + b.id())).eTag(AssetEtags.of(b.revision())).body(BriefResource.of(b));
    }

    @GetMapping("/api/v1/briefs/{id}")
    ResponseEntity<BriefResource> get(Actor actor, @PathVariable String id) {
        return withEtag(briefs.get(actor, BriefId.parse(id)));
    }

    @Operation(summary = "Replace a draft's or returned brief's title, due date, board, assignees, values and criteria",
            description = "If-Match: a stale ETag is a 412. A submitted, accepted or rejected brief is a 409.")
    @PutMapping("/api/v1/briefs/{id}")
    ResponseEntity<BriefResource> edit(Actor actor, @PathVariable String id, @RequestBody BriefBody body,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        return withEtag(briefs.edit(actor, BriefId.parse(id), body.form(), AssetEtags.fromIfMatch(ifMatch)));
    }

    @Operation(summary = "Submit a brief for intake", description = "A 400 /problems/invalid-fields lists everything it still lacks.")
    @PostMapping("/api/v1/briefs/{id}/submit")
    ResponseEntity<BriefResource> submit(Actor actor, @PathVariable String id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
        return withEtag(briefs.submit(actor, BriefId.parse(id), AssetEtags.fromIfMatch(ifMatch)));
    }

    @Operation(summary = "Accept a submitted brief (its template's reviewers or a manager)")
    @PostMapping("/api/v1/briefs/{id}/accept")
    ResponseEntity<BriefResource> accept(Actor actor, @PathVariable String id, @RequestBody(required = false) @Nullable Decision body) {
        return withEtag(intake.accept(actor, BriefId.parse(id), comment(body)));
    }

    @Operation(summary = "Return a submitted brief to its owner with a comment (required)")
    @PostMapping("/api/v1/briefs/{id}/return")
    ResponseEntity<BriefResource> sendBack(Actor actor, @PathVariable String id, @RequestBody(required = false) @Nullable Decision body) {
        return withEtag(intake.sendBack(actor, BriefId.parse(id), comment(body)));
    }

    @Operation(summary = "Reject a submitted brief with a comment (required)")
    @PostMapping("/api/v1/briefs/{id}/reject")
    ResponseEntity<BriefResource> reject(Actor actor, @PathVariable String id, @RequestBody(required = false) @Nullable Decision body) {
        return withEtag(intake.reject(actor, BriefId.parse(id), comment(body)));
    }

    @Operation(summary = "Tick or clear an acceptance criterion (1-based)")
    @PutMapping("/api/v1/briefs/{id}/criteria/{number}")
    ResponseEntity<BriefResource> tick(Actor actor, @PathVariable String id, @PathVariable int number, @RequestBody Tick body) {
        return withEtag(briefs.markCriterion(actor, BriefId.parse(id), number - 1, body.met()));
    }

    @Operation(summary = "The brief's assets: guidelines, references, attachments and drafts")
    @GetMapping("/api/v1/briefs/{id}/assets")
    List<LinkResource> assets(Actor actor, @PathVariable String id) {
        return collaboration.assets(actor, BriefId.parse(id)).stream().map(LinkResource::of).toList();
    }

    @Operation(summary = "Link a library asset as a draft (default) or a reference",
            description = "Upload the file with POST /api/v1/assets first, then link the id it returns.")
    @PostMapping("/api/v1/briefs/{id}/assets")
    ResponseEntity<LinkResource> link(Actor actor, @PathVariable String id, @RequestBody Link body) {
        var link = collaboration.link(actor, BriefId.parse(id), AssetId.parse(body.assetId()), role(body.role()));
        return ResponseEntity.status(201).body(LinkResource.of(link));
    }

    @DeleteMapping("/api/v1/briefs/{id}/assets/{assetId}")
    ResponseEntity<Void> unlink(Actor actor, @PathVariable String id, @PathVariable String assetId, @RequestParam(defaultValue = "draft") String role) {
        collaboration.unlink(actor, BriefId.parse(id), AssetId.parse(assetId), role(role));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The briefs an asset is linked to")
    @GetMapping("/api/v1/assets/{id}/briefs")
    List<BriefResource> briefsOf(Actor actor, @PathVariable String id) {
        return collaboration.briefsOf(actor, AssetId.parse(id)).stream().map(BriefResource::of).toList();
    }

    @GetMapping("/api/v1/briefs/{id}/comments")
    List<CommentResource> comments(Actor actor, @PathVariable String id) {
        return collaboration.comments(actor, BriefId.parse(id)).stream()
                .map(c -> new CommentResource(c.id().toString(), c.author().toString(), c.body(), c.createdAt())).toList();
    }

    @PostMapping("/api/v1/briefs/{id}/comments")
    ResponseEntity<CommentResource> comment(Actor actor, @PathVariable String id, @RequestBody Comment body) {
        var c = collaboration.comment(actor, BriefId.parse(id), Objects.requireNonNullElse(body.body(), ""));
        return ResponseEntity.status(201).body(new CommentResource(c.id().toString(), c.author().toString(), c.body(), c.createdAt()));
    }

    private static ResponseEntity<BriefResource> withEtag(Brief b) {
        return ResponseEntity.ok().eTag(AssetEtags.of(b.revision())).body(BriefResource.of(b));
    }

    private static String comment(@Nullable Decision body) {
        return body == null || body.comment() == null ? "" : body.comment();
    }

    static Optional<LocalDate> date(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            throw FieldValidationException.of("due", "'" + text + "' is not a date (YYYY-MM-DD).");
        }
    }

    private static BriefStatus status(String text) {
        try {
            return BriefStatus.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw FieldValidationException.of("status", "'" + text + "' is not a status: draft, submitted, returned, accepted or rejected.");
        }
    }

    private static LinkedAsset.Role role(@Nullable String text) {
        String r = text == null || text.isBlank() ? "draft" : text.strip();
        if (r.equalsIgnoreCase("draft") || r.equalsIgnoreCase("reference")) {
            return LinkedAsset.Role.valueOf(r.toUpperCase(Locale.ROOT));
        }
        throw FieldValidationException.of("role", "'" + r + "' is not a role to link with: draft or reference.");
    }
}
