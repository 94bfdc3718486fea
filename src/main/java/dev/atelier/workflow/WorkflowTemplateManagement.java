package dev.atelier.workflow;

import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import dev.atelier.metadata.FieldValidationException;
import dev.atelier.shared.ConflictException;
import dev.atelier.shared.Ids;
import dev.atelier.shared.NotFoundException;
import dev.atelier.shared.StaleRevisionException;
import dev.atelier.workflow.internal.WorkflowTemplates;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Workflow templates, written and exported as YAML (see {@link WorkflowYaml}). Admins change them;
 * a change applies to workflows started afterwards (running ones keep the stages they began with).
 * Reviewers are named by username, group and role and resolved when a workflow starts.
 */
@Service
public class WorkflowTemplateManagement {

    private final WorkflowTemplates templates;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    WorkflowTemplateManagement(WorkflowTemplates templates, Clock clock, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.templates = templates;
        this.clock = clock;
    }

    /** @throws FieldValidationException naming every problem of the YAML by place */
    @Transactional
    public WorkflowTemplate create(Actor actor, String yaml) {
        actor.require(Role.ADMIN);
        WorkflowDefinition d = WorkflowYaml.parse(yaml);
        requireFreeName(d.name(), Optional.empty());
        var t = new WorkflowTemplate(Ids.uuidV7(clock), yaml, d, 1, actor.id(), clock.instant());
        templates.insert(t);
        events.publishEvent(new WorkflowSetupChanged(t.id(), actor.id(), "workflow-template.created", "name=" + t.name()));
        return t;
    }

    @Transactional
    public WorkflowTemplate change(Actor actor, UUID id, String yaml, Optional<Long> expectedRevision) {
        actor.require(Role.ADMIN);
        WorkflowTemplate current = get(actor, id);
        WorkflowDefinition d = WorkflowYaml.parse(yaml);
        requireFreeName(d.name(), Optional.of(id));
        var t = new WorkflowTemplate(id, yaml, d, current.revision() + 1, current.createdBy(), current.createdAt());
        if (!templates.update(t, expectedRevision.orElse(current.revision()))) {
            throw new StaleRevisionException("Workflow template '" + current.name() + "'");
        }
        events.publishEvent(new WorkflowSetupChanged(id, actor.id(), "workflow-template.changed", "name=" + t.name() + " revision=" + t.revision()));
        return t;
    }

    @Transactional(readOnly = true)
    public WorkflowTemplate get(Actor actor, UUID id) {
        actor.require(Role.VIEWER);
        return templates.find(id).orElseThrow(() -> new NotFoundException("workflow template " + id));
    }

    @Transactional(readOnly = true)
    public Optional<WorkflowTemplate> find(UUID id) {
        return templates.find(id);
    }

    @Transactional(readOnly = true)
    public List<WorkflowTemplate> all(Actor actor) {
        actor.require(Role.VIEWER);
        return templates.all();
    }

    private void requireFreeName(String name, Optional<UUID> self) {
        templates.findByName(name).filter(t -> self.map(s -> !s.equals(t.id())).orElse(true)).ifPresent(t -> {
            throw new ConflictException("There is already a workflow template named '" + t.name() + "'.");
        });
    }
}
