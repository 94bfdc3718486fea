package dev.atelier.audit;

import dev.atelier.audit.internal.AuditLog;
import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import dev.atelier.shared.Page;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading and verifying the audit trail (admins only). Writing happens by itself on events. */
@Service
public class AuditTrail {

    private final AuditLog log;

    AuditTrail(AuditLog log) {
        this.log = log;
    }

    /** Newest first, before {@code beforeSeq} when given. */
    @Transactional(readOnly = true)
    public Page<AuditRecord> list(Actor actor, Optional<Long> beforeSeq, int limit) {
        actor.require(Role.ADMIN);
        int size = Math.clamp(limit, 1, 500);
        return Page.of(log.page(beforeSeq, size + 1), size, last -> Long.toString(last.seq()));
    }

    @Transactional(readOnly = true)
    public List<AuditRecord> forSubject(Actor actor, String subjectType, String subjectId) {
        actor.require(Role.VIEWER);
        return log.forSubject(subjectType, subjectId);
    }

    @Transactional(readOnly = true)
    public ChainVerification verify(Actor actor) {
        actor.require(Role.ADMIN);
        return log.verify();
    }
}
