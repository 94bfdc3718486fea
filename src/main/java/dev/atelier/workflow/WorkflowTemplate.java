package dev.atelier.workflow;

import dev.atelier.identity.UserId;
import java.time.Instant;
import java.util.UUID;

/** A stored workflow template: its YAML exactly as written (export gives it back) and what it says. */
public record WorkflowTemplate(UUID id, String yaml, WorkflowDefinition definition, long revision, UserId createdBy, Instant createdAt) {

    public String name() {
        return definition.name();
    }
}
