package dev.atelier.audit.internal;

import dev.atelier.asset.AssetEdited;
import dev.atelier.asset.AssetRestored;
import dev.atelier.asset.AssetTrashed;
import dev.atelier.asset.AssetVersionAdded;
import dev.atelier.brief.BriefChanged;
import dev.atelier.brief.BriefSetupChanged;
import dev.atelier.identity.AccessTokenIssued;
import dev.atelier.identity.AccessTokenRevoked;
import dev.atelier.identity.GroupChanged;
import dev.atelier.identity.UserCreated;
import dev.atelier.identity.UserEmailChanged;
import dev.atelier.identity.UserId;
import dev.atelier.proofing.ProofingEvent;
import dev.atelier.workflow.WorkflowEvent;
import dev.atelier.workflow.WorkflowSetupChanged;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns domain events into audit records. The listeners are synchronous: they run inside the
 * transaction that made the change, before it commits, so both commit or neither does.
 */
@Component
class AuditRecorder {

    private final AuditLog log;
    private final Clock clock;

    AuditRecorder(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    @EventListener
    void on(AssetVersionAdded e) {
        String action = e.version() == 1 ? "asset.created" : "asset.version-added";
        append(e.by(), action, "asset", e.assetId().toString(),
                "version=" + e.version() + " sha256=" + e.blobKey() + " type=" + e.mediaType() + " file=" + e.filename());
    }

    @EventListener
    void on(AssetEdited e) {
        append(e.by(), "asset.edited", "asset", e.assetId().toString(), "revision=" + e.revision() + (e.changes().isEmpty() ? "" : " changed=" + e.changes()));
    }

    @EventListener
    void on(AssetTrashed e) {
        append(e.by(), "asset.trashed", "asset", e.assetId().toString(), "");
    }

    @EventListener
    void on(AssetRestored e) {
        append(e.by(), "asset.restored", "asset", e.assetId().toString(), "");
    }

    @EventListener
    void on(UserCreated e) {
        log.append(now(), e.by().map(UserId::value).orElse(null), "user.created", "user", e.user().toString(),
                "username=" + e.username() + " role=" + e.role().name().toLowerCase());
    }

    @EventListener
    void on(UserEmailChanged e) {
        // the address itself stays out of the append-only log: it is personal data a user may remove
        append(e.by(), e.removed() ? "user.email-removed" : "user.email-set", "user", e.user().toString(), "");
    }

    @EventListener
    void on(AccessTokenIssued e) {
        append(e.owner(), "token.issued", "token", e.tokenId().toString(), "name=" + e.name());
    }

    @EventListener
    void on(AccessTokenRevoked e) {
        append(e.owner(), "token.revoked", "token", e.tokenId().toString(), "");
    }

    @EventListener
    void on(BriefChanged e) {
        append(e.by(), e.action(), "brief", e.brief().toString(), e.details());
    }

    @EventListener
    void on(BriefSetupChanged e) {
        append(e.by(), e.action(), e.subjectType(), e.subject().toString(), e.details());
    }

    @EventListener
    void on(WorkflowSetupChanged e) {
        append(e.by(), e.action(), e.subjectType(), e.subject().toString(), e.details());
    }

    @EventListener
    void on(GroupChanged e) {
        append(e.by(), e.action(), "group", e.group().toString(), e.details());
    }

    @EventListener
    void on(WorkflowEvent e) {
        log.append(now(), e.by().map(UserId::value).orElse(null), e.action(), "workflow", e.workflow().toString(), e.details());
    }

    /** Annotations, replies, resolutions and checklist items, in the asset's history. */
    @EventListener
    void on(ProofingEvent e) {
        append(e.by(), e.action(), "asset", e.asset().toString(), e.details());
    }

    private void append(UserId actor, String action, String subjectType, String subjectId, String details) {
        log.append(now(), actor.value(), action, subjectType, subjectId, details.length() > 4000 ? details.substring(0, 4000) : details);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
