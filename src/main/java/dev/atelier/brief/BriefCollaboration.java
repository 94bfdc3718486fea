package dev.atelier.brief;

import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetManagement;
import dev.atelier.brief.internal.BriefLinks;
import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import dev.atelier.metadata.FieldValidationException;
import dev.atelier.shared.Ids;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What people attach to a brief while working on it: drafts uploaded into it, references picked
 * from the library (both ways: an asset knows its briefs), and comments.
 */
@Service
public class BriefCollaboration {

    private final BriefManagement briefs;
    private final BriefLinks links;
    private final AssetManagement assets;
    private final ApplicationEventPublisher events;
    private final java.time.Clock clock;

    BriefCollaboration(BriefManagement briefs, BriefLinks links, AssetManagement assets, ApplicationEventPublisher events, java.time.Clock clock) {
        this.briefs = briefs;
        this.links = links;
        this.assets = assets;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Links a library asset as a draft or a reference; publishes {@link BriefAssetLinked} when the
     * link is new. Guidelines come from the template, attachments from the brief's fields.
     */
    @Transactional
    public LinkedAsset link(Actor actor, BriefId id, AssetId asset, LinkedAsset.Role role) {
        actor.require(Role.CONTRIBUTOR);
        if (role != LinkedAsset.Role.DRAFT && role != LinkedAsset.Role.REFERENCE) {
            throw FieldValidationException.of("role", "Link an asset as a draft or a reference; guidelines come from the template and "
                    + "attachments from the brief's fields.");
        }
        Brief b = mayChangeLinks(actor, id);
        assets.get(actor, asset);
        var link = new LinkedAsset(id, asset, role, "", actor.id(), clock.instant());
        if (links.link(link)) {
            events.publishEvent(new BriefAssetLinked(id, asset, role, actor.id()));
            events.publishEvent(new BriefChanged(id, actor.id(), "brief.asset-linked", "asset=" + asset + " role=" + role.name().toLowerCase()
                    + " title=" + b.title()));
        }
        return link;
    }

    @Transactional
    public boolean unlink(Actor actor, BriefId id, AssetId asset, LinkedAsset.Role role) {
        actor.require(Role.CONTRIBUTOR);
        mayChangeLinks(actor, id);
        boolean removed = links.unlink(id, asset, role);
        if (removed) {
            events.publishEvent(new BriefChanged(id, actor.id(), "brief.asset-unlinked", "asset=" + asset + " role=" + role.name().toLowerCase()));
        }
        return removed;
    }

    /** The brief's assets the actor may see, by role, newest first. */
    @Transactional(readOnly = true)
    public List<LinkedAsset> assets(Actor actor, BriefId id) {
        briefs.get(actor, id);
        return links.of(id).stream().filter(l -> assets.findVisible(actor, l.asset()).isPresent()).toList();
    }

    /** The other way round: the briefs that link the asset. */
    @Transactional(readOnly = true)
    public List<Brief> briefsOf(Actor actor, AssetId asset) {
        return linksTo(actor, asset).stream().map(LinkedAsset::brief).distinct().flatMap(b -> briefs.find(actor, b).stream()).toList();
    }

    /** How the asset is linked to briefs the actor sees (one asset may be a draft of one and a reference of another), newest first. */
    @Transactional(readOnly = true)
    public List<LinkedAsset> linksTo(Actor actor, AssetId asset) {
        assets.get(actor, asset);
        return links.linking(asset).stream().filter(l -> briefs.find(actor, l.brief()).isPresent()).toList();
    }


    /** The owner, an assignee or a manager links work to a brief, while it is not rejected. */
    private Brief mayChangeLinks(Actor actor, BriefId id) {
        Brief b = briefs.get(actor, id);
        if (!actor.id().equals(b.owner()) && !b.assignees().contains(actor.id()) && !actor.has(Role.MANAGER)) {
            throw new org.springframework.security.access.AccessDeniedException("only the brief's owner, its assignees or a manager may link assets to it");
        }
        if (b.status() == BriefStatus.REJECTED) {
            throw new dev.atelier.shared.ConflictException("The brief was rejected; its assets can no longer change.");
        }
        return b;
    }

    @Transactional
    public BriefComment comment(Actor actor, BriefId id, String body) {
        briefs.get(actor, id);
        String text = body.strip();
        if (text.isEmpty() || text.length() > 10_000) {
            throw FieldValidationException.of("body", "A comment needs 1 to 10000 characters.");
        }
        var comment = new BriefComment(Ids.uuidV7(clock), id, actor.id(), text, clock.instant());
        links.comment(comment);
        events.publishEvent(new BriefChanged(id, actor.id(), "brief.commented", ""));
        return comment;
    }

    @Transactional(readOnly = true)
    public List<BriefComment> comments(Actor actor, BriefId id) {
        briefs.get(actor, id);
        return links.comments(id);
    }

}
