package dev.atelier.collection;

import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetManagement;
import dev.atelier.collection.AssetCollection.Kind;
import dev.atelier.collection.internal.Collections;
import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import dev.atelier.shared.Ids;
import dev.atelier.shared.InvalidRequestException;
import dev.atelier.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases on folders and collections. Viewers see them all; contributors make them and fill
 * them; renaming, moving and deleting need the owner or a manager. Smart collections are filled
 * by their saved search (the search module runs it) and cannot be filled by hand.
 */
@Service
public class CollectionManagement {

    private final Collections collections;
    private final AssetManagement assets;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CollectionManagement(Collections collections, AssetManagement assets, ApplicationEventPublisher events, Clock clock) {
        this.collections = collections;
        this.assets = assets;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public AssetCollection create(Actor actor, String name, Kind kind, Optional<UUID> parent, Optional<String> query) {
        actor.require(Role.CONTRIBUTOR);
        parent.ifPresent(this::requireFolder);
        if (kind == Kind.SMART && query.map(String::isBlank).orElse(true)) {
            throw new InvalidRequestException("A smart collection needs the search that fills it.");
        }
        var created = new AssetCollection(Ids.uuidV7(clock), checkedName(name), kind, parent,
                kind == Kind.SMART ? query.map(String::strip) : Optional.empty(), actor.id(), Instant.now(clock));
        collections.insert(created);
        return created;
    }

    @Transactional
    public AssetCollection rename(Actor actor, UUID id, String name) {
        AssetCollection c = mayChange(actor, id);
        var renamed = new AssetCollection(c.id(), checkedName(name), c.kind(), c.parent(), c.query(), c.owner(), c.createdAt());
        collections.update(renamed);
        return renamed;
    }

    /** Into another folder, or to the top when {@code parent} is empty; never into itself or below itself. */
    @Transactional
    public AssetCollection move(Actor actor, UUID id, Optional<UUID> parent) {
        AssetCollection c = mayChange(actor, id);
        if (parent.isPresent()) {
            requireFolder(parent.get());
            if (ancestorsAndSelf(parent.get()).contains(id)) {
                throw new InvalidRequestException("A folder cannot go inside itself or one of its own folders.");
            }
        }
        var moved = new AssetCollection(c.id(), c.name(), c.kind(), parent, c.query(), c.owner(), c.createdAt());
        collections.update(moved);
        publish(membersBelow(id));
        return moved;
    }

    /** Removes the collection (its assets stay in the library); folders must be empty of folders first. */
    @Transactional
    public void delete(Actor actor, UUID id) {
        mayChange(actor, id);
        if (!collections.children(id).isEmpty()) {
            throw new InvalidRequestException("Move or delete the folders inside first.");
        }
        List<AssetId> members = collections.members(id, 0, Integer.MAX_VALUE);
        collections.delete(id);
        publish(members);
    }

    /** @return how many of the assets were not in it already */
    @Transactional
    public int add(Actor actor, UUID id, List<AssetId> members) {
        actor.require(Role.CONTRIBUTOR);
        AssetCollection c = get(actor, id);
        if (c.kind() == Kind.SMART) {
            throw new InvalidRequestException("A smart collection fills itself from its search; change the search instead.");
        }
        Instant now = Instant.now(clock);
        List<AssetId> added = new ArrayList<>();
        for (AssetId asset : new LinkedHashSet<>(members)) {
            assets.get(actor, asset);
            if (collections.add(id, asset, actor.id(), now)) {
                added.add(asset);
            }
        }
        publish(added);
        if (!added.isEmpty()) {
            events.publishEvent(new AssetsAddedToCollection(id, lineage(c), List.copyOf(added), actor.id()));
        }
        return added.size();
    }

    @Transactional
    public boolean remove(Actor actor, UUID id, AssetId asset) {
        actor.require(Role.CONTRIBUTOR);
        get(actor, id);
        boolean removed = collections.remove(id, asset);
        if (removed) {
            publish(List.of(asset));
        }
        return removed;
    }

    @Transactional(readOnly = true)
    public AssetCollection get(Actor actor, UUID id) {
        actor.require(Role.VIEWER);
        return collections.find(id).orElseThrow(() -> new NotFoundException("collection " + id));
    }

    /** Every folder and collection, by name; the tree is built by whoever shows it. */
    @Transactional(readOnly = true)
    public List<AssetCollection> all(Actor actor) {
        actor.require(Role.VIEWER);
        return collections.all();
    }

    @Transactional(readOnly = true)
    public List<AssetCollection> of(Actor actor, AssetId asset) {
        actor.require(Role.VIEWER);
        return collections.of(asset);
    }

    @Transactional(readOnly = true)
    public long size(UUID id) {
        return collections.count(id);
    }

    /**
     * For mirrors (the search index): the collections the asset is in and every folder above
     * them, so a search in a folder finds what its sub-folders hold. No rights check.
     */
    @Transactional(readOnly = true)
    public Set<UUID> containing(AssetId asset) {
        Set<UUID> ids = new LinkedHashSet<>();
        collections.of(asset).forEach(c -> ids.addAll(ancestorsAndSelf(c.id())));
        return ids;
    }

    private Set<UUID> ancestorsAndSelf(UUID id) {
        Set<UUID> chain = new LinkedHashSet<>();
        Optional<UUID> at = Optional.of(id);
        while (at.isPresent() && chain.add(at.get())) {
            at = collections.find(at.get()).flatMap(AssetCollection::parent);
        }
        return chain;
    }

    private List<AssetId> membersBelow(UUID id) {
        List<AssetId> members = new ArrayList<>(collections.members(id, 0, Integer.MAX_VALUE));
        collections.children(id).forEach(child -> members.addAll(membersBelow(child.id())));
        return members;
    }

    private AssetCollection mayChange(Actor actor, UUID id) {
        AssetCollection c = get(actor, id);
        actor.requireOwnerOrManager(c.owner(), "change this collection");
        return c;
    }

    private void requireFolder(UUID parent) {
        var folder = collections.find(parent).orElseThrow(() -> new NotFoundException("folder " + parent));
        if (folder.kind() != Kind.FOLDER) {
            throw new InvalidRequestException("Only folders hold other collections; '" + folder.name() + "' is not a folder.");
        }
    }

    /** The collection and the folders above it, nearest first. */
    private List<UUID> lineage(AssetCollection c) {
        List<UUID> ids = new ArrayList<>(List.of(c.id()));
        Optional<UUID> parent = c.parent();
        while (parent.isPresent() && !ids.contains(parent.get())) {
            ids.add(parent.get());
            parent = collections.find(parent.get()).flatMap(AssetCollection::parent);
        }
        return ids;
    }

    private void publish(List<AssetId> changed) {
        if (!changed.isEmpty()) {
            events.publishEvent(new CollectionMembershipChanged(List.copyOf(changed)));
        }
    }

    private static String checkedName(String name) {
        String n = name.strip();
        if (n.isEmpty() || n.length() > AssetCollection.MAX_NAME) {
            throw new InvalidRequestException("A name needs 1 to " + AssetCollection.MAX_NAME + " characters.");
        }
        return n;
    }
}
