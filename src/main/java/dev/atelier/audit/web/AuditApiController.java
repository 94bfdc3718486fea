package dev.atelier.audit.web;

import dev.atelier.audit.AuditRecord;
import dev.atelier.audit.AuditTrail;
import dev.atelier.audit.ChainVerification;
import dev.atelier.identity.Actor;
import dev.atelier.shared.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetManagement;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/audit}: the audit trail, its verification, and one asset's history. */
@RestController
@Tag(name = "Audit")
class AuditApiController {

    private final AuditTrail trail;
    private final AssetManagement assets;

    AuditApiController(AuditTrail trail, AssetManagement assets) {
        this.trail = trail;
        this.assets = assets;
    }

    record AuditPage(List<AuditRecord> items, @Nullable String next) {
    }

    record Verification(boolean intact, long checked, @Nullable Long firstBrokenSeq, Instant at) {
    }

    @Operation(summary = "The audit trail, newest first (admin)")
    @GetMapping("/api/v1/audit")
    AuditPage list(Actor actor, @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "100") int limit) {
        var page = trail.list(actor, parseCursor(cursor), limit);
        return new AuditPage(page.items(), page.next().orElse(null));
    }

    @Operation(summary = "Re-compute the hash chain (admin)", description = "intact=false names the first record that was altered or removed.")
    @GetMapping("/api/v1/audit/verify")
    Verification verify(Actor actor) {
        ChainVerification v = trail.verify(actor);
        return new Verification(v.intact(), v.checked(), v.firstBrokenSeq().orElse(null), Instant.now());
    }

    @Operation(summary = "The history of one asset")
    @GetMapping("/api/v1/assets/{id}/history")
    List<AuditRecord> history(Actor actor, @PathVariable String id) {
        assets.get(actor, AssetId.parse(id));
        return trail.forSubject(actor, "asset", id);
    }

    private static Optional<Long> parseCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(cursor));
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("The cursor is not valid; use the 'next' value of a previous page.");
        }
    }
}
