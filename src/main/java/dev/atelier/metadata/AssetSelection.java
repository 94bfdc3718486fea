package dev.atelier.metadata;

import dev.atelier.asset.AssetId;
import dev.atelier.identity.Actor;
import java.util.List;
import java.util.Map;

/**
 * What a bulk edit works on: listed assets, or every result of a search as the user sees it.
 * The search module resolves searches ({@link Resolver}); metadata cannot depend on search.
 */
public sealed interface AssetSelection {

    record Listed(List<AssetId> ids) implements AssetSelection {}

    /** @param selected facet choices, as in a search request */
    record Search(String query, Map<String, List<String>> selected) implements AssetSelection {}

    /** Turns a search into the ids of every asset it finds for the actor, in result order. */
    interface Resolver {
        List<AssetId> resolve(Actor actor, Search search);
    }
}
