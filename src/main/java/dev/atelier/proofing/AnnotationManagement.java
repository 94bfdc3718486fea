package dev.atelier.proofing;

import dev.atelier.asset.Asset;
import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetManagement;
import dev.atelier.asset.AssetStatus;
import dev.atelier.asset.AssetVersion;
import dev.atelier.identity.Actor;
import dev.atelier.identity.UserId;
import dev.atelier.media.RenditionManagement;
import dev.atelier.proofing.internal.Annotations;
import dev.atelier.proofing.internal.CommentWriter;
import dev.atelier.shared.Ids;
import dev.atelier.shared.NotFoundException;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Annotating a version and talking about it. Everyone who may see the asset reads its
 * annotations; reviewers (managers and admins included) and the asset's owner annotate, reply,
 * resolve and reopen. Each change publishes its {@link ProofingEvent} in the same transaction.
 */
@Service
public class AnnotationManagement {

    private final Annotations annotations;
    private final CommentWriter writer;
    private final AssetManagement assets;
    private final RenditionManagement renditions;
    private final ApplicationEventPublisher events;

    AnnotationManagement(Annotations annotations, CommentWriter writer, AssetManagement assets, RenditionManagement renditions,
            ApplicationEventPublisher events) {
        this.annotations = annotations;
        this.writer = writer;
        this.assets = assets;
        this.renditions = renditions;
        this.events = events;
    }

    /**
     * Annotates a version of an asset that is not in the trash; publishes {@link AnnotationAdded}.
     *
     * @throws InvalidAnnotationException when the mark does not fit the version or the text is empty or too long
     * @throws NotFoundException when the asset, the version or an attachment is not there for the actor
     */
    @Transactional
    public Annotation annotate(Actor actor, AssetId assetId, int version, NewAnnotation annotation) {
        Asset asset = assets.get(actor, assetId);
        ReviewRights.requireAnnotate(actor, asset);
        requireActive(asset);
        AssetVersion v = asset.version(version).orElseThrow(() -> new NotFoundException("version " + version + " of asset " + assetId));
        MarkFit.check(assetId, v, annotation.mark(), renditions.facts(assetId, version));
        Comment opening = writer.write(actor, annotation.body(), annotation.attachments());
        var added = new Annotation(new AnnotationId(Ids.uuidV7()), assetId, version, annotations.nextNumber(assetId, version), annotation.mark(),
                Annotation.Status.OPEN, List.of(opening), Optional.empty(), Optional.empty());
        try {
            annotations.insert(added);
        } catch (DuplicateKeyException e) {
            // two reviewers took the same number at once; the numbers are the pins' labels, so one of them tries again
            throw new AnnotationStateException("Someone annotated this version at the same moment; send your comment again.");
        }
        events.publishEvent(new AnnotationAdded(added.id(), assetId, version, added.number(), actor.id(), opening.mentions()));
        return added;
    }

    /** The version's annotations by number, with their threads. */
    @Transactional(readOnly = true)
    public List<Annotation> annotations(Actor actor, AssetId assetId, int version) {
        Asset asset = assets.get(actor, assetId);
        asset.version(version).orElseThrow(() -> new NotFoundException("version " + version + " of asset " + assetId));
        return annotations.of(assetId, version);
    }

    /** @throws NotFoundException when there is none, or its asset is not the actor's to see */
    @Transactional(readOnly = true)
    public Annotation get(Actor actor, AnnotationId id) {
        Annotation a = annotations.find(id).orElseThrow(() -> new NotFoundException("annotation " + id));
        assets.get(actor, a.asset());
        return a;
    }

    /** How many of the version's annotations are still open; for workflows deciding whether a round may close. */
    @Transactional(readOnly = true)
    public int openCount(Actor actor, AssetId assetId, int version) {
        assets.get(actor, assetId);
        return annotations.countOpen(assetId, version);
    }

    /** Whether the actor may annotate the asset (for pages that offer the tools). */
    @Transactional(readOnly = true)
    public boolean mayAnnotate(Actor actor, AssetId assetId) {
        return ReviewRights.mayAnnotate(actor, assets.get(actor, assetId));
    }

    /** Adds a reply to the thread; publishes {@link AnnotationReplied}. */
    @Transactional
    public Comment reply(Actor actor, AnnotationId id, String body, List<AssetId> attachments) {
        Annotation a = writable(actor, id);
        Comment reply = writer.write(actor, body, attachments);
        annotations.addComment(id, reply);
        List<UserId> participants = a.thread().stream().map(Comment::author).filter(u -> !u.equals(actor.id())).distinct().toList();
        events.publishEvent(new AnnotationReplied(id, reply.id(), a.asset(), a.version(), actor.id(), reply.mentions(), participants));
        return reply;
    }

    /** @throws AnnotationStateException when it is resolved already; publishes {@link AnnotationResolved} */
    @Transactional
    public Annotation resolve(Actor actor, AnnotationId id) {
        Annotation resolved = change(actor, id, a -> a.resolve(actor.id(), writer.now()));
        events.publishEvent(new AnnotationResolved(id, resolved.asset(), resolved.version(), actor.id(), resolved.author()));
        return resolved;
    }

    /** @throws AnnotationStateException when it is open; publishes {@link AnnotationReopened} */
    @Transactional
    public Annotation reopen(Actor actor, AnnotationId id) {
        Annotation reopened = change(actor, id, a -> a.reopen(actor.id(), writer.now()));
        events.publishEvent(new AnnotationReopened(id, reopened.asset(), reopened.version(), actor.id(), reopened.author()));
        return reopened;
    }

    /** Two reviewers resolving at once: the second is told, and publishes nothing. */
    private Annotation change(Actor actor, AnnotationId id, UnaryOperator<Annotation> change) {
        Annotation before = writable(actor, id);
        Annotation after = change.apply(before);
        if (!annotations.updateStatus(after, before.status())) {
            throw new AnnotationStateException("Annotation #" + before.number() + " changed meanwhile; reload to see it.");
        }
        return after;
    }

    private Annotation writable(Actor actor, AnnotationId id) {
        Annotation a = annotations.find(id).orElseThrow(() -> new NotFoundException("annotation " + id));
        Asset asset = assets.get(actor, a.asset());
        ReviewRights.requireAnnotate(actor, asset);
        requireActive(asset);
        return a;
    }

    static void requireActive(Asset asset) {
        if (asset.status() != AssetStatus.ACTIVE) {
            throw new AnnotationStateException("Restore the asset from the trash before you review it.");
        }
    }
}
