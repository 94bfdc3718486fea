package dev.atelier.proofing;

import dev.atelier.asset.Asset;
import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetManagement;
import dev.atelier.identity.Actor;
import dev.atelier.proofing.Annotation.Change;
import dev.atelier.proofing.internal.CarriedItems;
import dev.atelier.proofing.internal.CommentWriter;
import dev.atelier.shared.NotFoundException;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The checklist of a version: annotations left open on the version before, carried forward when
 * it was uploaded. The creator (the asset's owner, the version's uploader or a manager) marks an
 * item addressed; a reviewer confirms it, or reopens it with a reply on the original thread.
 */
@Service
public class CarriedItemManagement {

    private final CarriedItems items;
    private final AnnotationManagement annotations;
    private final CommentWriter writer;
    private final AssetManagement assets;
    private final ApplicationEventPublisher events;

    CarriedItemManagement(CarriedItems items, AnnotationManagement annotations, CommentWriter writer, AssetManagement assets,
            ApplicationEventPublisher events) {
        this.items = items;
        this.annotations = annotations;
        this.writer = writer;
        this.assets = assets;
        this.events = events;
    }

    /** The version's checklist, in the order its threads were opened; empty for v1. */
    @Transactional(readOnly = true)
    public List<CarriedItem> carried(Actor actor, AssetId assetId, int version) {
        Asset asset = assets.get(actor, assetId);
        asset.version(version).orElseThrow(() -> new NotFoundException("version " + version + " of asset " + assetId));
        return items.of(assetId, version);
    }

    /** How many of the version's items a reviewer has not confirmed yet; for workflows. */
    @Transactional(readOnly = true)
    public long unconfirmedCount(Actor actor, AssetId assetId, int version) {
        return carried(actor, assetId, version).stream().filter(i -> i.state() != CarriedItem.State.CONFIRMED).count();
    }

    /** Whether the actor is on the creator's side of the version's checklist (for pages that offer "addressed"). */
    @Transactional(readOnly = true)
    public boolean mayAddress(Actor actor, AssetId assetId, int version) {
        return ReviewRights.mayAddress(actor, assets.get(actor, assetId), version);
    }

    /** @throws NotFoundException when there is none, or its asset is not the actor's to see */
    @Transactional(readOnly = true)
    public CarriedItem get(Actor actor, CarriedItemId id) {
        CarriedItem item = items.find(id).orElseThrow(() -> new NotFoundException("checklist item " + id));
        assets.get(actor, item.asset());
        return item;
    }

    /** The creator's "done"; publishes {@link CarriedItemAddressed}. @throws AnnotationStateException unless it is open */
    @Transactional
    public CarriedItem markAddressed(Actor actor, CarriedItemId id) {
        CarriedItem item = get(actor, id);
        Asset asset = assets.get(actor, item.asset());
        ReviewRights.requireAddress(actor, asset, item.version());
        AnnotationManagement.requireActive(asset);
        CarriedItem addressed = save(item, item.markAddressed(new Change(actor.id(), writer.now())));
        events.publishEvent(new CarriedItemAddressed(id, item.annotation(), item.asset(), item.version(), actor.id()));
        return addressed;
    }

    /** A reviewer's "yes, it is"; publishes {@link CarriedItemConfirmed}. @throws AnnotationStateException unless it was marked addressed */
    @Transactional
    public CarriedItem confirm(Actor actor, CarriedItemId id) {
        ReviewRights.requireConfirm(actor);
        CarriedItem item = get(actor, id);
        AnnotationManagement.requireActive(assets.get(actor, item.asset()));
        CarriedItem confirmed = save(item, item.confirm(new Change(actor.id(), writer.now())));
        events.publishEvent(new CarriedItemConfirmed(id, item.annotation(), item.asset(), item.version(), actor.id()));
        return confirmed;
    }

    /**
     * A reviewer's "no, it is not": the item is open again and {@code reply} says why on the
     * original thread; publishes {@link AnnotationReplied} and {@link CarriedItemReopened}.
     */
    @Transactional
    public CarriedItem reopen(Actor actor, CarriedItemId id, String reply) {
        ReviewRights.requireConfirm(actor);
        CarriedItem item = get(actor, id);
        CarriedItem reopened = save(item, item.reopen());
        Comment why = annotations.reply(actor, item.annotation(), reply, List.of());
        events.publishEvent(new CarriedItemReopened(id, item.annotation(), item.asset(), item.version(), actor.id(), why.id(), why.mentions()));
        return reopened;
    }

    private CarriedItem save(CarriedItem before, CarriedItem after) {
        if (!items.update(after, before.state())) {
            throw new AnnotationStateException("The item changed meanwhile; reload to see it.");
        }
        return after;
    }
}
