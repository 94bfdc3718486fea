package dev.atelier.brief;

import dev.atelier.identity.UserId;
import java.util.UUID;

/**
 * A brief template or rule was created, changed, archived, restored or deleted (for the audit
 * trail); {@code action} starts with {@code brief-template.} or {@code brief-rule.}.
 */
public record BriefSetupChanged(UUID subject, UserId by, String action, String details) {

    /** {@code brief-template} or {@code brief-rule}. */
    public String subjectType() {
        return action.substring(0, action.indexOf('.'));
    }
}
