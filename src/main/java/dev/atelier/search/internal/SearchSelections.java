package dev.atelier.search.internal;

import dev.atelier.asset.AssetId;
import dev.atelier.identity.Actor;
import dev.atelier.metadata.AssetSelection;
import dev.atelier.search.SearchHit;
import dev.atelier.search.SearchManagement;
import dev.atelier.search.SearchRequest;
import dev.atelier.search.SearchResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Resolves "every result of this search" for bulk edits: all pages, with the user's own rights. */
@Component
class SearchSelections implements AssetSelection.Resolver {

    private static final int PAGE = 200;

    private final SearchManagement search;

    SearchSelections(@Lazy SearchManagement search) {
        this.search = search;
    }

    @Override
    public List<AssetId> resolve(Actor actor, AssetSelection.Search selection) {
        List<AssetId> ids = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            SearchResult page = search.search(actor, new SearchRequest(selection.query(), selection.selected(), Optional.empty(), cursor, PAGE));
            page.hits().stream().map(SearchHit::id).forEach(ids::add);
            cursor = page.next();
        } while (cursor.isPresent());
        return ids;
    }
}
