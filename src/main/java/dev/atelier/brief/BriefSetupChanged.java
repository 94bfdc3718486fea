package dev.atelier.brief;

import dev.atelier.identity.UserId;
import java.util.UUID;

/**
 * A brief template or rule was created, changed, archived, restored or deleted, or a user's
 * calendar feed was reset or revoked (for the audit trail); {@code action} starts with
 * {@code brief-template.}, {@code brief-rule.} or {@code calendar-feed.}.
 */
public record BriefSetupChanged(UUID subject, UserId by, String action, String details) {

    /** {@code brief-template}, {@code brief-rule} or {@code calendar-feed}. */
    public String subjectType() {
        return action.substring(0, action.indexOf('.'));
    }
}
