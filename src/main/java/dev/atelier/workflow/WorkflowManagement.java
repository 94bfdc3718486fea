package dev.atelier.workflow;

import dev.atelier.asset.Asset;
import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetManagement;
import dev.atelier.brief.Brief;
import dev.atelier.brief.BriefCollaboration;
import dev.atelier.brief.BriefId;
import dev.atelier.brief.BriefManagement;
import dev.atelier.brief.LinkedAsset;
import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import dev.atelier.identity.UserId;
import dev.atelier.identity.UserManagement;
import dev.atelier.metadata.FieldValidationException;
import dev.atelier.shared.ConflictException;
import dev.atelier.shared.Ids;
import dev.atelier.shared.NotFoundException;
import dev.atelier.workflow.WorkflowEvent.StageStarted;
import dev.atelier.workflow.WorkflowEvent.WorkflowStarted;
import dev.atelier.workflow.internal.Workflows;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starting and reading workflows. A workflow reviews the asset's current version with the stages
 * of its template, copied at the start; stages without {@code after} start at once (in
 * parallel), the others when the stages they wait for have passed. Decisions are
 * {@link WorkflowDecisions}.
 */
@Service
public class WorkflowManagement {

    private final Workflows workflows;
    private final WorkflowTemplateManagement templates;
    private final ReviewerResolution resolution;
    private final AssetManagement assets;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final WorkflowRouting routing;
    private final BriefManagement briefs;
    private final BriefCollaboration collaboration;
    private final UserManagement users;

    WorkflowManagement(Workflows workflows, WorkflowTemplateManagement templates, ReviewerResolution resolution, AssetManagement assets,
            ApplicationEventPublisher events, Clock clock, WorkflowRouting routing, BriefManagement briefs, BriefCollaboration collaboration,
            UserManagement users) {
        this.routing = routing;
        this.briefs = briefs;
        this.collaboration = collaboration;
        this.users = users;
        this.workflows = workflows;
        this.templates = templates;
        this.resolution = resolution;
        this.assets = assets;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Starts a review of the asset's current version: on the template given, or the one routing
     * picks, with the stages routing adds. The brief is the one given, or the newest brief the asset
     * is a draft of.
     *
     * @throws ConflictException when the asset is in review already
     * @throws FieldValidationException when no template is given or picked, or a stage has no one to review
     */
    @Transactional
    public Workflow start(Actor actor, AssetId assetId, Optional<UUID> template, Optional<BriefId> brief) {
        actor.require(Role.CONTRIBUTOR);
        return begin(actor, assets.get(actor, assetId), template, brief);
    }

    /**
     * Starts one review per asset (each on its current version), all on the same template or each
     * as routing decides; all or nothing.
     */
    @Transactional
    public List<Workflow> startAll(Actor actor, List<AssetId> assetIds, Optional<UUID> template) {
        actor.require(Role.CONTRIBUTOR);
        if (assetIds.isEmpty() || assetIds.size() > 500) {
            throw FieldValidationException.of("assetIds", "Name 1 to 500 assets to review.");
        }
        return assetIds.stream().distinct().map(id -> begin(actor, assets.get(actor, id), template, Optional.empty())).toList();
    }

    /**
     * For listeners (drafts uploaded into a brief, a new version after changes were requested): as
     * the owner, without the role check. A refusal (in review already, no one to review) leaves the
     * listener's transaction usable.
     */
    @Transactional(noRollbackFor = dev.atelier.shared.ProblemException.class)
    public Workflow startFor(UserId owner, AssetId assetId, Optional<UUID> template, Optional<BriefId> brief) {
        Actor actor = users.get(owner).asActor();
        return begin(actor, assets.get(actor, assetId), template, brief);
    }

    @Transactional(readOnly = true)
    public Workflow get(Actor actor, UUID id) {
        actor.require(Role.VIEWER);
        Workflow w = workflows.find(id).orElseThrow(() -> new NotFoundException("workflow " + id));
        assets.get(actor, w.asset());
        return w;
    }

    /** The asset's review rounds, newest first. */
    @Transactional(readOnly = true)
    public List<Workflow> ofAsset(Actor actor, AssetId asset) {
        assets.get(actor, asset);
        return workflows.ofAsset(asset);
    }

    /** Whether a review approved the version. */
    @Transactional(readOnly = true)
    public boolean approved(AssetId asset, int version) {
        return workflows.approved(asset, version);
    }

    /** Reviews with an open stage where the actor has not decided yet. */
    @Transactional(readOnly = true)
    public List<Workflow> waitingOn(Actor actor) {
        return workflows.waitingOn(actor.id()).stream().filter(w -> assets.findVisible(actor, w.asset()).isPresent()).toList();
    }


    @Transactional(readOnly = true)
    public List<Decision> decisions(Actor actor, UUID id) {
        get(actor, id);
        return workflows.decisions(id);
    }

    /** The reviewer opened the review: their state in each open stage becomes "opened". */
    @Transactional
    public void opened(Actor actor, UUID id) {
        Workflow w = get(actor, id);
        w.active().stream().filter(s -> s.reviewedBy(actor.id()))
                .forEach(s -> workflows.advance(id, s.key(), actor.id(), ReviewerState.OPENED, clock.instant()));
    }

    /** The reviewer commented on the version under review (an annotation): "commented". */
    @Transactional
    public void commented(UserId reviewer, AssetId asset, int version) {
        workflows.ofAsset(asset).stream().filter(w -> w.status() == WorkflowStatus.RUNNING && w.version() == version)
                .forEach(w -> w.active().stream().filter(s -> s.reviewedBy(reviewer))
                        .forEach(s -> workflows.advance(w.id(), s.key(), reviewer, ReviewerState.COMMENTED, clock.instant())));
    }

    private Workflow begin(Actor actor, Asset asset, Optional<UUID> given, Optional<BriefId> briefId) {
        UserId owner = actor.id();
        List<Workflow> earlier = workflows.ofAsset(asset.id());
        earlier.stream().filter(w -> w.status() == WorkflowStatus.RUNNING).findFirst().ifPresent(w -> {
            throw new ConflictException("'" + asset.title() + "' is in review already (round " + w.round() + "); finish or cancel that review first.");
        });
        Optional<Brief> brief = briefId.map(b -> briefs.get(actor, b)).or(() -> collaboration.linksTo(actor, asset.id()).stream()
                .filter(l -> l.role() == LinkedAsset.Role.DRAFT).findFirst().map(l -> briefs.get(actor, l.brief())));
        var route = routing.route(actor, asset.id(), brief, given.map(t -> templates.get(actor, t)));
        WorkflowDefinition d = route.definition();
        Optional<UUID> template = route.template().map(WorkflowTemplate::id);
        List<ReviewerResolution.Resolved> people = resolution.resolve(d, asset.id());
        Instant now = clock.instant();
        List<Stage> stages = new ArrayList<>();
        for (int i = 0; i < d.stages().size(); i++) {
            StageDefinition s = d.stages().get(i);
            var resolved = people.get(i);
            List<Stage.Reviewer> reviewers = resolved.reviewers().stream().map(u -> new Stage.Reviewer(u, ReviewerState.PENDING, Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty())).toList();
            stages.add(new Stage(s.key(), i, s.name(), s.rule(), s.quorum(), resolved.gatekeeper(), s.after(), s.due(), StageStatus.WAITING,
                    Optional.empty(), Optional.empty(), Optional.empty(), reviewers));
        }
        var w = new Workflow(Ids.uuidV7(clock), asset.id(), asset.currentVersion().number(), earlier.size() + 1, template, d.name(),
                brief.map(Brief::id), owner,
                WorkflowStatus.RUNNING, now, Optional.empty(), stages);
        workflows.insert(w);
        events.publishEvent(new WorkflowStarted(w.id(), asset.id(), w.version(), w.round(), d.name(), Optional.of(owner), now));
        stages.stream().filter(s -> s.after().isEmpty()).forEach(s -> startStage(w, s, Optional.of(owner), now));
        return workflows.find(w.id()).orElseThrow();
    }

    void startStage(Workflow w, Stage s, Optional<UserId> by, Instant now) {
        Optional<Instant> dueAt = s.due().map(d -> d.dueAt(now, clock.getZone()));
        workflows.startStage(w.id(), s.key(), now, dueAt);
        events.publishEvent(new StageStarted(w.id(), w.asset(), s.key(), s.name(), s.reviewerIds(), dueAt, by, now));
    }
}
