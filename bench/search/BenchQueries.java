package dev.atelier.search.internal;

import dev.atelier.search.SearchQuery;
import dev.atelier.search.SearchSort;
import dev.atelier.search.internal.SyntheticAssets.Library;
import dev.atelier.search.internal.SyntheticAssets.User;
import dev.atelier.search.internal.SyntheticAssets.Zipf;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The query mix, in the search box's own language so both engines get the very same query:
 * 40 % free text (1–3 words, a quarter ending in a prefix, by relevance), 40 % filters with facets
 * (fields such as {@code type:image created:>2025-01-01}, some with a facet value chosen, an
 * eighth of them the bare library page with nothing typed; newest first unless a word is in it),
 * 20 % the same two shapes for a user who may see about 1 % of the library. Every query asks for
 * the first page of 50 hits, the exact total and every facet, as the API does.
 */
final class BenchQueries {

    enum Kind { TEXT, FILTER, RESTRICTED }

    record BenchQuery(Kind kind, String text, Map<String, List<String>> selected, Set<String> readers, String me,
            SearchSort sort) {

        SearchQuery parsed() {
            return SearchQuery.parse(text);
        }

        AssetIndex.Query forIndex() {
            return new AssetIndex.Query(parsed(), selected, readers, me, sort, java.util.Optional.empty(), PAGE, true, FACET_VALUES, java.util.Map.of());
        }
    }

    /** What either engine answered, in a shape both can be compared in: hit ids, total, facet value → count. */
    record Answer(long total, List<String> ids, Map<String, Map<String, Long>> facets) {}

    static final int PAGE = 50;
    static final int FACET_VALUES = 12;

    private final Library library;
    private final SplittableRandom rnd;
    private final Zipf zipfWords = new Zipf(SyntheticAssets.WORDS.length, 1.0);
    private final double[] kindWeights;

    BenchQueries(Library library, long seed) {
        this.library = library;
        this.rnd = new SplittableRandom(seed);
        this.kindWeights = SyntheticAssets.cumulative(SyntheticAssets.KINDS.stream().mapToDouble(SyntheticAssets.Kind::weight).toArray());
    }

    List<BenchQuery> make(int n) {
        List<BenchQuery> queries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            double u = rnd.nextDouble();
            if (u < 0.4) {
                queries.add(text(Kind.TEXT, anyOwner()));
            } else if (u < 0.8) {
                queries.add(filter(Kind.FILTER, anyOwner()));
            } else {
                User restricted = library.restricted().get(rnd.nextInt(library.restricted().size()));
                queries.add(rnd.nextBoolean() ? text(Kind.RESTRICTED, restricted) : filter(Kind.RESTRICTED, restricted));
            }
        }
        return queries;
    }

    private User anyOwner() {
        return library.owners().get(rnd.nextInt(library.owners().size()));
    }

    private BenchQuery text(Kind kind, User user) {
        int n = rnd.nextDouble() < 0.5 ? 1 : rnd.nextDouble() < 0.7 ? 2 : 3;
        List<String> words = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            words.add(word());
        }
        if (rnd.nextDouble() < 0.25 && words.getLast().length() >= 4) {
            String last = words.removeLast();
            words.add(last.substring(0, Math.max(3, last.length() - 2)) + "*");
        }
        return new BenchQuery(kind, String.join(" ", words), Map.of(), user.principals(), user.username(), SearchSort.RELEVANCE);
    }

    /** Zipf-weighted like the text itself (common words are typed most), or any word of the vocabulary. */
    private String word() {
        String word = SyntheticAssets.WORDS[rnd.nextDouble() < 0.6 ? zipfWords.sample(rnd) : rnd.nextInt(SyntheticAssets.WORDS.length)];
        return word.replace('_', ' ').split(" ")[0];
    }

    private BenchQuery filter(Kind kind, User user) {
        if (rnd.nextDouble() < 0.125) {
            return new BenchQuery(kind, "", Map.of(), user.principals(), user.username(), SearchSort.NEWEST);
        }
        List<String> parts = new ArrayList<>();
        int filters = rnd.nextDouble() < 0.6 ? 1 : 2;
        while (parts.size() < filters) {
            String f = field();
            if (parts.stream().noneMatch(p -> p.substring(0, p.indexOf(':')).equals(f.substring(0, f.indexOf(':'))))) {
                parts.add(f);
            }
        }
        boolean withWord = rnd.nextDouble() < 0.2;
        if (withWord) {
            parts.addFirst(word());
        }
        Map<String, List<String>> selected = rnd.nextDouble() < 0.25 ? chosenFacet() : Map.of();
        return new BenchQuery(kind, String.join(" ", parts), selected, user.principals(), user.username(),
                withWord ? SearchSort.RELEVANCE : SearchSort.NEWEST);
    }

    private String field() {
        return switch (rnd.nextInt(6)) {
            case 0 -> "type:" + AssetDocuments.typeOf(mediaKind().mediaType());
            case 1 -> "format:" + LuceneDocuments.subtype(mediaKind().mediaType());
            case 2 -> "created:>" + day();
            case 3 -> {
                LocalDate from = day();
                yield "created:" + from.toString().substring(0, 7) + ".." + from.plusMonths(1 + rnd.nextInt(6)).toString().substring(0, 7);
            }
            case 4 -> "owner:" + anyOwner().username();
            default -> rnd.nextBoolean() ? "size:>" + (1 + rnd.nextInt(50)) + "MB" : "size:<" + (100 + rnd.nextInt(900)) + "KB";
        };
    }

    /** What a click on a facet value adds: a type or a format, as the facet lists them. */
    private Map<String, List<String>> chosenFacet() {
        String mediaType = mediaKind().mediaType();
        return rnd.nextBoolean() ? Map.of("type", List.of(AssetDocuments.typeOf(mediaType))) : Map.of("format", List.of(mediaType));
    }

    private SyntheticAssets.Kind mediaKind() {
        return SyntheticAssets.KINDS.get(SyntheticAssets.pick(kindWeights, rnd.nextDouble()));
    }

    private LocalDate day() {
        long days = Duration.between(SyntheticAssets.START, SyntheticAssets.END).toDays();
        return LocalDate.ofInstant(SyntheticAssets.START, ZoneOffset.UTC).plusDays(rnd.nextLong(days));
    }
}
