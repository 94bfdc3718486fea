package dev.atelier.search.web;

import dev.atelier.asset.Asset;
import dev.atelier.asset.AssetManagement;
import dev.atelier.asset.ReviewState;
import dev.atelier.asset.AssetStatus;
import dev.atelier.asset.MediaTypeLabels;
import dev.atelier.collection.AssetCollection;
import dev.atelier.collection.CollectionManagement;
import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import dev.atelier.search.SearchHit;
import dev.atelier.search.SearchManagement;
import dev.atelier.search.SearchRequest;
import dev.atelier.search.SearchResult;
import dev.atelier.shared.Cursor;
import dev.atelier.shared.Page;
import dev.atelier.shared.ProblemException;
import java.util.List;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The library page: upload, search box, facets and the grid. With nothing typed or chosen it lists
 * the library newest first straight from the database (so a fresh upload shows at once) with
 * facets from the index; otherwise the index answers. htmx requests get only the results.
 */
@Controller
class LibraryPageController {

    static final int PAGE_SIZE = 48;

    private final AssetManagement assets;
    private final SearchManagement search;
    private final CollectionManagement collections;

    LibraryPageController(AssetManagement assets, SearchManagement search, CollectionManagement collections) {
        this.assets = assets;
        this.search = search;
        this.collections = collections;
    }

    /** @param review the review state's slug, for the badge ({@code not-reviewed} shows none) */
    record ResultCard(String id, String title, String typeLabel, int version, String review) {
        static ResultCard of(SearchHit h) {
            return new ResultCard(h.id().toString(), h.title(), MediaTypeLabels.of(h.mediaType()), h.version(), h.status());
        }

        static ResultCard of(Asset a, ReviewState review) {
            return new ResultCard(a.id().toString(), a.title(), MediaTypeLabels.of(a.currentVersion().mediaType()), a.currentVersion().number(),
                    review.slug());
        }

        public boolean reviewed() {
            return !review.equals(ReviewState.NOT_REVIEWED.slug());
        }

        public String reviewLabel() {
            return ReviewState.ofSlug(review).map(ReviewState::label).orElse(review);
        }
    }

    @GetMapping("/library")
    String library(Actor actor, @RequestParam MultiValueMap<String, String> parameters,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            @RequestHeader(name = "HX-History-Restore-Request", required = false) @Nullable String restore,
            HttpServletResponse response, Model model) {
        response.addHeader("Vary", "HX-Request");
        LibraryView view = fill(actor, parameters, model);
        model.addAttribute("canUpload", actor.has(Role.CONTRIBUTOR));
        model.addAttribute("sorts", LibraryView.SORTS);
        if ("true".equals(htmx) && !"true".equals(restore)) {
            response.addHeader("HX-Push-Url", view.self());
            return "search/library :: results";
        }
        return "search/library";
    }

    @GetMapping("/library/more")
    String more(Actor actor, @RequestParam MultiValueMap<String, String> parameters, Model model) {
        fill(actor, parameters, model);
        return "asset/grid :: grid";
    }

    /** Fills the model; a query that does not parse shows its error in place of results. */
    private LibraryView fill(Actor actor, MultiValueMap<String, String> parameters, Model model) {
        try {
            return fill(actor, SearchRequest.fromParameters(parameters, PAGE_SIZE, search.facetNames()), model);
        } catch (ProblemException e) {
            SearchRequest request = new SearchRequest(Optional.ofNullable(parameters.getFirst("q")).orElse(""), java.util.Map.of(),
                    Optional.empty(), Optional.empty(), 1);
            LibraryView view = LibraryView.of(request, new SearchResult(0, List.of(), List.of(), Optional.empty(), Optional.empty()), false,
                    java.util.Map.of(), java.util.Map.of(), java.util.Map.of());
            model.addAttribute("view", view);
            model.addAttribute("queryError", e.getMessage());
            model.addAttribute("page", new Page<>(List.<ResultCard>of(), Optional.empty()));
            model.addAttribute("emptyText", "");
            return view;
        }
    }

    private LibraryView fill(Actor actor, SearchRequest request, Model model) {
        boolean browsing = request.isEmpty() && request.sort().isEmpty();
        Optional<String> cursor = request.cursor();
        SearchResult result = search.search(actor, browsing ? withoutCursor(request, 1) : request);
        Page<ResultCard> page;
        if (browsing) {
            var listed = assets.list(actor, AssetStatus.ACTIVE, cursor.flatMap(Cursor::decode), PAGE_SIZE);
            var reviews = assets.reviewStates(listed.items());
            page = new Page<>(listed.items().stream().map(a -> ResultCard.of(a, reviews.get(a.id()))).toList(), listed.next());
        } else {
            page = new Page<>(result.hits().stream().map(ResultCard::of).toList(), result.next());
        }
        var all = collections.all(actor);
        LibraryView view = LibraryView.of(request, result, browsing,
                all.stream().collect(java.util.stream.Collectors.toMap(c -> c.id().toString(), AssetCollection::name)),
                all.stream().filter(c -> c.kind() == AssetCollection.Kind.SMART)
                        .collect(java.util.stream.Collectors.toMap(c -> c.id().toString(), c -> c.query().orElse(""))),
                search.facetLabels());
        model.addAttribute("canSave", actor.has(Role.CONTRIBUTOR) && !browsing);
        model.addAttribute("selectable", actor.has(Role.CONTRIBUTOR));
        model.addAttribute("view", view);
        model.addAttribute("page", page);
        model.addAttribute("emptyText", cursor.isPresent() ? "" : browsing
                ? "No assets yet. Drop some files above to start your library." : "No assets match this search.");
        page.next().ifPresent(next -> model.addAttribute("nextUrl",
                UriComponentsBuilder.fromUriString(view.self()).replacePath("/library/more").queryParam("cursor", next).build().toUriString()));
        return view;
    }

    private static SearchRequest withoutCursor(SearchRequest request, int limit) {
        return new SearchRequest(request.query(), request.selected(), request.sort(), Optional.empty(), limit);
    }
}
