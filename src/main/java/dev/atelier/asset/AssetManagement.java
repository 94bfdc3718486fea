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

    AssetManagement(Assets assets, ApplicationEventPublisher events, Clock clock) {
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
        Asset asset = load(id);
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
        actor.require(Role.CONTRIBUTOR);
        Asset asset = load(id);
        if (expectedRevision.isPresent() && expectedRevision.get() != asset.revision()) {
            throw new StaleWriteException(id, asset.revision());
        }
        long expected = asset.revision();
        asset.edit(title, description, now());
        assets.update(asset, expected);
        events.publishEvent(new AssetEdited(id, asset.revision(), actor.id()));
        return asset;
    }

    @Transactional
    public Asset trash(Actor actor, AssetId id) {
        Asset asset = load(id);
        actor.requireOwnerOrManager(asset.ownerId(), "move this asset to the trash");
        long expected = asset.revision();
        asset.trash(now());
        assets.update(asset, expected);
        events.publishEvent(new AssetTrashed(id, actor.id()));
        return asset;
    }

    @Transactional
    public Asset restore(Actor actor, AssetId id) {
        Asset asset = load(id);
        actor.requireOwnerOrManager(asset.ownerId(), "restore this asset");
        long expected = asset.revision();
        asset.restore(now());
        assets.update(asset, expected);
        events.publishEvent(new AssetRestored(id, actor.id()));
        return asset;
    }

    /** @throws NotFoundException when no asset has the id */
    @Transactional(readOnly = true)
    public Asset get(Actor actor, AssetId id) {
        actor.require(Role.VIEWER);
        return load(id);
    }

    /** The version, or the current one when {@code number} is empty. */
    @Transactional(readOnly = true)
    public AssetVersion version(Actor actor, AssetId id, Optional<Integer> number) {
        Asset asset = get(actor, id);
        return number.map(n -> asset.version(n).orElseThrow(() -> new NotFoundException("version " + n + " of asset " + id)))
                .orElseGet(asset::currentVersion);
    }

    /**
     * For signed delivery URLs, which carry no user: the version (the current one when
     * {@code number} is empty) of an asset that exists and is not in the trash. One statement,
     * consistent on its own, so no transaction is opened: this runs on every cached image request.
     */
    public Optional<AssetVersion> deliverableVersion(AssetId id, Optional<Integer> number) {
        return assets.findVersion(id, AssetStatus.ACTIVE, number);
    }

    /** Newest first; {@code limit} is clamped to 1..200. */
    @Transactional(readOnly = true)
    public Page<Asset> list(Actor actor, AssetStatus status, Optional<Cursor> after, int limit) {
        actor.require(Role.VIEWER);
        int size = Math.clamp(limit, 1, 200);
        return Page.of(assets.page(status, after, size + 1), size, last -> new Cursor(last.createdAt(), last.id().value()).encode());
    }

    private Asset load(AssetId id) {
        return assets.findById(id).orElseThrow(() -> new NotFoundException("asset " + id));
    }

    private void publishAdded(Asset asset, AssetVersion version, Actor actor) {
        events.publishEvent(new AssetVersionAdded(asset.id(), version.number(), version.blobKey(), version.mediaType(),
                version.originalFilename(), actor.id()));
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
