package dev.atelier.metadata;

import dev.atelier.asset.Asset;
import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetManagement;
import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import dev.atelier.metadata.internal.AssetTagStore;
import dev.atelier.shared.InvalidRequestException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The free tags people give assets. Changing them is editing the asset: it needs the asset's edit
 * right, honours its revision ({@code If-Match}) and bumps it, so search and the audit trail follow.
 * Search finds them under {@code tag:} and in the tag facet, beside the keywords embedded in files.
 */
@Service
public class AssetTagManagement {

    /** The most tags one change may name. */
    public static final int MAX_PER_CHANGE = 200;

    private final AssetTagStore store;
    private final AssetManagement assets;

    AssetTagManagement(AssetTagStore store, AssetManagement assets) {
        this.store = store;
        this.assets = assets;
    }

    /** @throws dev.atelier.shared.NotFoundException when the asset is not the actor's to see */
    @Transactional(readOnly = true)
    public AssetTags of(Actor actor, AssetId id) {
        Asset asset = assets.get(actor, id);
        return new AssetTags(id, asset.revision(), store.tags(id));
    }

    /**
     * Adds and removes tags as one edit of the asset; tags it already has (or lacks) are left alone,
     * and nothing is recorded when nothing changes.
     *
     * @throws InvalidRequestException for an empty, too long or control-character tag, or too many
     * @throws dev.atelier.asset.StaleWriteException when the asset is no longer at {@code expectedRevision}
     */
    @Transactional
    public AssetTags change(Actor actor, AssetId id, List<String> add, List<String> remove, Optional<Long> expectedRevision) {
        if (add.size() + remove.size() > MAX_PER_CHANGE) {
            throw new InvalidRequestException("At most " + MAX_PER_CHANGE + " tags can change at once.");
        }
        Map<String, String> adding = AssetTags.byKey(add);
        Map<String, String> removing = AssetTags.byKey(remove);
        actor.require(Role.CONTRIBUTOR);
        List<String> held = of(actor, id).tags().stream().map(AssetTags::key).toList();
        List<String> added = adding.entrySet().stream().filter(e -> !held.contains(e.getKey()) && !removing.containsKey(e.getKey()))
                .map(Map.Entry::getValue).toList();
        List<String> removed = removing.entrySet().stream().filter(e -> held.contains(e.getKey())).map(Map.Entry::getValue).toList();
        if (added.isEmpty() && removed.isEmpty()) {
            return of(actor, id);
        }
        assets.recordEdit(actor, id, expectedRevision, "tags: " + describe(added, removed));
        added.forEach(t -> store.add(id, t));
        removed.forEach(t -> store.remove(id, t));
        return of(actor, id);
    }

    /** In the caller's transaction, after it recorded the edit: adds the tags the asset lacks; those it added. */
    List<String> addRecorded(AssetId id, Collection<String> tags) {
        List<String> added = new ArrayList<>();
        tags.forEach(t -> {
            if (store.add(id, t)) {
                added.add(t);
            }
        });
        return added;
    }

    /** For mirrors such as the search index: the asset's tags, no rights check. */
    @Transactional(readOnly = true)
    public List<String> forIndex(AssetId id) {
        return store.tags(id);
    }

    static String describe(List<String> added, List<String> removed) {
        return String.join(", ", Stream.concat(added.stream().map(t -> "+" + t), removed.stream().map(t -> "-" + t)).toList());
    }
}
