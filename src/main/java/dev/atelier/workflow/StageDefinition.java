package dev.atelier.workflow;

import java.util.List;
import java.util.Optional;

/**
 * One stage of a workflow template, as written in its YAML: reviewers by username, group name
 * and role (resolved to people when a workflow starts), the rule, an optional gatekeeper, a due
 * time, and the stages that must pass before it starts (none: it starts at once, in parallel with
 * the other such stages).
 */
public record StageDefinition(String key, String name, List<String> users, List<String> groups, List<String> roles, StageRule rule,
        int quorum, Optional<String> gatekeeper, Optional<DueTime> due, List<String> after) {

    public StageDefinition {
        users = List.copyOf(users);
        groups = List.copyOf(groups);
        roles = List.copyOf(roles);
        after = List.copyOf(after);
    }
}
