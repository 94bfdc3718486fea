package dev.atelier.audit;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One entry of the audit trail. {@code hash} is the SHA-256 of {@code prevHash} and the
 * record's canonical content, see {@link #canonical()}.
 */
public record AuditRecord(long seq, Instant occurredAt, Optional<UUID> actorId, String action, String subjectType,
        String subjectId, String details, String prevHash, String hash) {

    /** The exact text that is hashed: every field, newline-separated, in a fixed order. */
    public String canonical() {
        return String.join("\n", Long.toString(seq), occurredAt.toString(), actorId.map(UUID::toString).orElse("-"), action,
                subjectType, subjectId, details, prevHash);
    }
}
