package dev.atelier.workflow.internal;

import dev.atelier.asset.AssetVersionAdded;
import dev.atelier.brief.BriefAssetLinked;
import dev.atelier.brief.BriefManagement;
import dev.atelier.brief.LinkedAsset;
import dev.atelier.identity.UserManagement;
import dev.atelier.workflow.Workflow;
import dev.atelier.workflow.WorkflowManagement;
import dev.atelier.workflow.WorkflowRouting;
import dev.atelier.workflow.WorkflowStatus;
import dev.atelier.shared.ProblemException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Starts reviews on their own: a draft uploaded into a brief whose template names a workflow, and
 * a new version of an asset whose last round ended with changes requested (the next round, same
 * template and brief). Listeners run after the change committed; a review already running is left
 * alone, so a redelivered event starts nothing twice.
 */
@Component
class WorkflowTriggers {

    private static final Logger log = LoggerFactory.getLogger(WorkflowTriggers.class);

    private final WorkflowManagement workflows;
    private final WorkflowRouting routing;
    private final BriefManagement briefs;
    private final UserManagement users;

    WorkflowTriggers(WorkflowManagement workflows, WorkflowRouting routing, BriefManagement briefs, UserManagement users) {
        this.workflows = workflows;
        this.routing = routing;
        this.briefs = briefs;
        this.users = users;
    }

    @ApplicationModuleListener
    void on(BriefAssetLinked e) {
        if (e.role() != LinkedAsset.Role.DRAFT || running(e.by(), e.asset())) {
            return;
        }
        var brief = briefs.get(users.get(e.by()).asActor(), e.brief());
        routing.forBriefs(brief.template()).ifPresent(template -> start(() -> {
            Workflow w = workflows.startFor(e.by(), e.asset(), Optional.of(template), Optional.of(e.brief()));
            log.info("Draft {} of brief {} went into review {} on '{}'", e.asset(), e.brief(), w.id(), w.templateName());
        }));
    }

    @ApplicationModuleListener
    void on(AssetVersionAdded e) {
        if (e.version() < 2 || running(e.by(), e.assetId())) {
            return;
        }
        workflows.ofAsset(users.get(e.by()).asActor(), e.assetId()).stream().findFirst()
                .filter(last -> last.status() == WorkflowStatus.CHANGES_REQUESTED && last.version() < e.version())
                .ifPresent(last -> start(() -> {
                    Workflow next = workflows.startFor(last.owner(), e.assetId(), last.template(), last.brief());
                    log.info("Version {} of {} went into review round {} ({})", e.version(), e.assetId(), next.round(), next.id());
                }));
    }

    /** A template that cannot start (a stage without reviewers, a deleted user) is the admins' to fix: said once, not retried. */
    private static void start(Runnable start) {
        try {
            start.run();
        } catch (ProblemException e) {
            log.warn("A review could not start on its own: {}", e.getMessage());
        }
    }

    private boolean running(dev.atelier.identity.UserId by, dev.atelier.asset.AssetId asset) {
        return workflows.ofAsset(users.get(by).asActor(), asset).stream().anyMatch(w -> w.status() == WorkflowStatus.RUNNING);
    }
}
