package dev.atelier.workflow;

import dev.atelier.identity.UserId;
import java.time.Instant;
import java.util.UUID;

/**
 * A reviewer's decision, as recorded: never changed afterwards; a later decision of the same
 * reviewer in the same stage supersedes it with its own record.
 *
 * @param version the asset version decided on, and {@code sha256} its content
 */
public record Decision(UUID id, UUID workflow, String stage, UserId reviewer, Verdict verdict, String comment, int version, String sha256,
        Instant decidedAt) {}
