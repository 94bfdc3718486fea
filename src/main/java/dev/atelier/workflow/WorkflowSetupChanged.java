package dev.atelier.workflow;

import dev.atelier.identity.UserId;
import java.util.UUID;

/**
 * A workflow template or routing rule was created, changed or deleted, or a brief template's
 * workflow was set (for the audit trail); {@code action} starts with {@code workflow-template.},
 * {@code routing-rule.} or {@code brief-template.}.
 */
public record WorkflowSetupChanged(UUID subject, UserId by, String action, String details) {

    public String subjectType() {
        return action.substring(0, action.indexOf('.'));
    }
}
