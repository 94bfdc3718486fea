package dev.atelier.asset;

import dev.atelier.asset.internal.Assets;
import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import dev.atelier.shared.Cursor;
import dev.atelier.shared.Ids;
import dev.atelier.shared.NotFoundException;
import dev.atelier.shared.Page;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases on assets. Content must already be committed to the blob store (see the ingest
 * module); these methods only record it, so a row never points at a missing blob.
 *
 * <p>Rights: viewers read; contributors create assets, add versions and edit; trashing and
 * restoring need the owner or a manager.
 */
@Service
public class AssetManagement {

    private final Assets assets;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ObjectProvider<VersionReviews> reviews;

    AssetManagement(Assets assets, ApplicationEventPublisher events, Clock clock, ObjectProvider<VersionReviews> reviews) {
        this.reviews = reviews;
        this.assets = assets;
        this.events = events;
        this.clock = clock;
    }

    /** Creates an asset whose v1 is {@code content}; publishes {@link AssetVersionAdded}. */
    @Transactional
    public Asset create(Actor actor, String title, NewContent content) {
        actor.require(Role.CONTRIBUTOR);
        Instant now = now();
        var first = new AssetVersion(1, content.blobKey(), content.size(), content.mediaType(), content.filename(), actor.id(), now);
        Asset asset = Asset.create(new AssetId(Ids.uuidV7(clock)), title, first);
        assets.insert(asset);
        publishAdded(asset, first, actor);
        return asset;
    }

    /** Appends a version; publishes {@link AssetVersionAdded}. */
    @Transactional
    public Asset addVersion(Actor actor, AssetId id, NewContent content) {
        actor.require(Role.CONTRIBUTOR);
        Asset asset = load(id, actor);
        long expected = asset.revision();
        AssetVersion version = asset.addVersion(content, actor.id(), now());
        assets.update(asset, expected);
        assets.insertVersion(id, version);
        publishAdded(asset, version, actor);
        return asset;
    }

    /**
     * Changes title and/or description.
     *
     * @param expectedRevision the revision the caller saw, when it sent {@code If-Match}
     * @throws StaleWriteException when the asset changed since
     */
    @Transactional
    public Asset edit(Actor actor, AssetId id, Optional<String> title, Optional<String> description, Optional<Long> expectedRevision) {
        String changes = String.join(", ", java.util.stream.Stream.of(title.map(t -> "title"), description.map(d -> "description"))
                .flatMap(Optional::stream).toList());
        return edit(actor, id, title, description, expectedRevision, changes);
    }

    private Asset edit(Actor actor, AssetId id, Optional<String> title, Optional<String> description, Optional<Long> expectedRevision,
            String changes) {
        actor.require(Role.CONTRIBUTOR);
        Asset asset = load(id, actor);
        if (expectedRevision.isPresent() && expectedRevision.get() != asset.revision()) {
            throw new StaleWriteException(id, asset.revision());
        }
        long expected = asset.revision();
        asset.edit(title, description, now());
        assets.update(asset, expected);
        events.publishEvent(new AssetEdited(id, asset.revision(), actor.id(), changes));
        return asset;
    }

    /**
     * Records a change kept beside the asset by another module (custom field values): checks that
     * the actor may edit the asset and that it is still at {@code expectedRevision}, then bumps its
     * revision and publishes {@link AssetEdited}, in the caller's transaction.
     *
     * @throws StaleWriteException when the asset changed since the caller saw it
     */
    @Transactional
    public Asset recordEdit(Actor actor, AssetId id, Optional<Long> expectedRevision, String changes) {
        return edit(actor, id, Optional.empty(), Optional.empty(), expectedRevision, changes);
    }

    @Transactional
    public Asset trash(Actor actor, AssetId id) {
        Asset asset = load(id, actor);
        actor.requireOwnerOrManager(asset.ownerId(), "move this asset to the trash");
        long expected = asset.revision();
        asset.trash(now());
        assets.update(asset, expected);
        events.publishEvent(new AssetTrashed(id, actor.id()));
        return asset;
    }

    @Transactional
    public Asset restore(Actor actor, AssetId id) {
        Asset asset = load(id, actor);
        actor.requireOwnerOrManager(asset.ownerId(), "restore this asset");
        long expected = asset.revision();
        asset.restore(now());
        assets.update(asset, expected);
        events.publishEvent(new AssetRestored(id, actor.id()));
        return asset;
    }

    /** @throws NotFoundException when no asset has the id, or it is confidential and not the actor's to see */
    @Transactional(readOnly = true)
    public Asset get(Actor actor, AssetId id) {
        actor.require(Role.VIEWER);
        return load(id, actor);
    }

    /**
     * Makes the asset confidential (seen only by its owner, managers and admins) or open to every
     * viewer again; publishes {@link AssetEdited}.
     */
    @Transactional
    public Asset setConfidential(Actor actor, AssetId id, boolean confidential) {
        Asset asset = load(id, actor);
        if (asset.confidential() == confidential) {
            return asset;
        }
        actor.requireOwnerOrManager(asset.ownerId(), "change who sees this asset");
        long expected = asset.revision();
        asset.setConfidential(confidential, now());
        assets.update(asset, expected);
        events.publishEvent(new AssetEdited(id, asset.revision(), actor.id(), confidential ? "confidential" : "not confidential"));
        return asset;
    }

    /** The version, or the current one when {@code number} is empty. */
    @Transactional(readOnly = true)
    public AssetVersion version(Actor actor, AssetId id, Optional<Integer> number) {
        Asset asset = get(actor, id);
        return number.map(n -> asset.version(n).orElseThrow(() -> new NotFoundException("version " + n + " of asset " + id)))
                .orElseGet(asset::currentVersion);
    }

    /**
     * The version whose original the actor downloads: as {@link #version}, and for viewers (who
     * neither make nor judge work) only a released version.
     *
     * @throws NotReleasedException when a viewer asks for a version that is not released
     */
    @Transactional(readOnly = true)
    public AssetVersion download(Actor actor, AssetId id, Optional<Integer> number) {
        AssetVersion v = version(actor, id, number);
        if (!mayDownload(actor, id, v.number())) {
            throw new NotReleasedException(id, v.number());
        }
        return v;
    }

    /** Whether the actor may take the version out (originals, sized copies, IIIF): viewers only released ones. No visibility check. */
    public boolean mayDownload(Actor actor, AssetId id, int version) {
        boolean onlyViews = !actor.has(Role.CONTRIBUTOR) && !actor.has(Role.REVIEWER);
        return !onlyViews || reviews.orderedStream().allMatch(r -> r.released(id, version));
    }

    /** Where the review of the version stands; no visibility check. */
    public ReviewState reviewState(AssetId id, int version) {
        return reviews.orderedStream().findFirst().map(r -> r.state(id, version)).orElse(ReviewState.NOT_REVIEWED);
    }

    /** {@link #reviewState} of each asset's current version, in one go; no visibility check. */
    public java.util.Map<AssetId, ReviewState> reviewStates(java.util.List<Asset> list) {
        var current = new java.util.HashMap<AssetId, Integer>();
        list.forEach(a -> current.put(a.id(), a.currentVersion().number()));
        var states = reviews.orderedStream().findFirst().map(r -> r.states(current)).orElse(java.util.Map.of());
        var all = new java.util.HashMap<AssetId, ReviewState>();
        list.forEach(a -> all.put(a.id(), states.getOrDefault(a.id(), ReviewState.NOT_REVIEWED)));
        return all;
    }

    /**
     * Called by the module that reviews versions, in the transaction that changed a review: moves the
     * asset's revision on and publishes {@link AssetReviewChanged}, so mirrors refresh.
     */
    @Transactional
    public void reviewChanged(AssetId id, int version) {
        assets.bumpRevision(id, now());
        events.publishEvent(new AssetReviewChanged(id, version));
    }

    /**
     * For signed delivery URLs, which carry no user: the version (the current one when
     * {@code number} is empty) of an asset that exists and is not in the trash. One statement,
     * consistent on its own, so no transaction is opened: this runs on every cached image request.
     */
    public Optional<AssetVersion> deliverableVersion(AssetId id, Optional<Integer> number) {
        return assets.findVersion(id, AssetStatus.ACTIVE, number);
    }

    /**
     * For modules that mirror assets elsewhere (the search index): the asset in any status,
     * without a user's rights check. Never hand the result to a user unchecked.
     */
    @Transactional(readOnly = true)
    public Optional<Asset> find(AssetId id) {
        return assets.findById(id);
    }

    /** Like {@link #find}: every asset in any status, newest first, for rebuilding mirrors. */
    @Transactional(readOnly = true)
    public Page<Asset> scan(Optional<Cursor> after, int limit) {
        int size = Math.clamp(limit, 1, 1000);
        return Page.of(assets.page(Optional.empty(), after, size + 1, Optional.empty()), size, AssetManagement::cursorOf);
    }

    /** Every asset's id and revision, streamed in one read; for mirrors to find what changed. */
    @Transactional(readOnly = true)
    public void eachRevision(java.util.function.ObjLongConsumer<AssetId> consumer) {
        assets.eachRevision(consumer);
    }

    /** Active assets that already hold this exact content in one of their versions; for duplicate checks. */
    @Transactional(readOnly = true)
    public java.util.List<Asset> holding(Actor actor, dev.atelier.storage.BlobKey content) {
        actor.require(Role.VIEWER);
        return assets.holding(content, 10).stream().filter(a -> a.visibleTo(actor)).toList();
    }

    /** Newest first; {@code limit} is clamped to 1..200. */
    @Transactional(readOnly = true)
    public Page<Asset> list(Actor actor, AssetStatus status, Optional<Cursor> after, int limit) {
        actor.require(Role.VIEWER);
        int size = Math.clamp(limit, 1, 200);
        Optional<dev.atelier.identity.UserId> viewer = actor.has(Role.MANAGER) ? Optional.empty() : Optional.of(actor.id());
        return Page.of(assets.page(Optional.of(status), after, size + 1, viewer), size, AssetManagement::cursorOf);
    }

    private static String cursorOf(Asset last) {
        return new Cursor(last.createdAt(), last.id().value()).encode();
    }

    /** The asset, as far as the actor may know it exists. */
    /**
     * The asset when it exists and the actor may see it (confidential ones: owner, managers,
     * admins); empty otherwise. For filters and lists, where "not yours to see" is not an error.
     */
    @Transactional(readOnly = true)
    public Optional<Asset> findVisible(Actor actor, AssetId id) {
        return actor.has(Role.VIEWER) ? assets.findById(id).filter(a -> a.visibleTo(actor)) : Optional.empty();
    }

    private Asset load(AssetId id, Actor actor) {
        return assets.findById(id).filter(a -> a.visibleTo(actor)).orElseThrow(() -> new NotFoundException("asset " + id));
    }

    private void publishAdded(Asset asset, AssetVersion version, Actor actor) {
        events.publishEvent(new AssetVersionAdded(asset.id(), version.number(), version.blobKey(), version.mediaType(),
                version.originalFilename(), actor.id()));
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
