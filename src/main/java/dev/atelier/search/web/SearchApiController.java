package dev.atelier.search.web;

import dev.atelier.identity.Actor;
import dev.atelier.search.IndexStatus;
import dev.atelier.search.SearchHit;
import dev.atelier.search.SearchManagement;
import dev.atelier.search.SearchRequest;
import dev.atelier.search.SearchResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Search")
class SearchApiController {

    private final SearchManagement search;

    SearchApiController(SearchManagement search) {
        this.search = search;
    }

    /** @param status where the review of the current version stands: not-reviewed, in-review, changes-requested, rejected, approved */
    record Hit(String id, String title, String mediaType, int version, long size, Instant createdAt, boolean trashed, String status) {
        static Hit of(SearchHit h) {
            return new Hit(h.id().toString(), h.title(), h.mediaType(), h.version(), h.size(), h.createdAt(), h.trashed(), h.status());
        }
    }

    record Results(long total, List<Hit> items, List<SearchResult.Facet> facets, @Nullable String next, @Nullable String suggestion) {}

    @Operation(summary = "Search assets", description = """
            q: words (AND implied), "phrases", OR, NOT/-, (groups), prefix*, and fields: type:video, format:jpeg,
            owner:me, in:trash, title:…, filename:…, description:…, created:>2026-01-01, created:2026-11,
            created:2026-01..2026-03, updated:…, size:>10MB, versions:>1. Facet filters as parameters (type, format,
            owner, created; repeat one to OR its values). sort: relevance, newest, oldest, updated, title, largest,
            smallest. Pass 'next' as cursor for the following page; facets come with the first page.""")
    @GetMapping("/api/v1/search")
    Results search(Actor actor, @Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        SearchResult result = search.search(actor, SearchRequest.fromParameters(parameters, 50, search.facetNames()));
        return new Results(result.total(), result.hits().stream().map(Hit::of).toList(), result.facets(),
                result.next().orElse(null), result.suggestion().orElse(null));
    }

    @Operation(summary = "The search index's state (admins)")
    @GetMapping("/api/v1/search/index")
    IndexStatus status(Actor actor) {
        return search.status(actor);
    }

    @Operation(summary = "Rebuild the search index from the database (admins)", description = "Runs in the background; follow it at the Location.")
    @PostMapping("/api/v1/search/index/rebuild")
    ResponseEntity<IndexStatus> rebuild(Actor actor) {
        return ResponseEntity.accepted().location(URI.create("/api/v1/search/index")).body(search.rebuild(actor));
    }
}
