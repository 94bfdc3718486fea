package dev.atelier.workflow;

import java.util.List;
import java.util.Optional;

/** A workflow template's content: its name, what it is for, and its stages in order. */
public record WorkflowDefinition(String name, String description, List<StageDefinition> stages) {

    public WorkflowDefinition {
        stages = List.copyOf(stages);
    }

    public Optional<StageDefinition> stage(String key) {
        return stages.stream().filter(s -> s.key().equals(key)).findFirst();
    }
}
