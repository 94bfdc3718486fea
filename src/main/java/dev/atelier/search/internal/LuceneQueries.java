package dev.atelier.search.internal;

import static dev.atelier.search.internal.IndexFields.*;

import dev.atelier.metadata.FieldType;
import dev.atelier.search.InvalidQueryException;
import dev.atelier.search.SearchQuery;
import dev.atelier.search.SearchQuery.Comparison;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/** Translates a {@link SearchQuery} into a Lucene query over the fields of {@link LuceneDocuments}. */
final class LuceneQueries {

    private static final int MAX_CLAUSES = 200;

    private final Analyzer analyzer;
    private final Map<String, Float> freeText;

    /** Queries for ranking: free text looks in every {@link IndexFields#FREE_TEXT} field with its weight. */
    LuceneQueries(Analyzer analyzer) {
        this(analyzer, FREE_TEXT);
    }

    /** @param freeText where free text looks, with weights: {@link IndexFields#MATCHING_TEXT} for counting only */
    LuceneQueries(Analyzer analyzer, Map<String, Float> freeText) {
        this.analyzer = analyzer;
        this.freeText = freeText;
    }

    /**
     * Who searches and which custom fields exist.
     *
     * @param me the searching user's name, which {@code owner:me} stands for
     * @param custom the custom fields by key, in schema order
     */
    record Context(String me, Map<String, FieldType> custom) {

        /** Facets in the order pages show them: the built-in ones, then custom fields with facets. */
        List<String> facets() {
            List<String> all = new ArrayList<>(FACETS);
            custom.forEach((key, type) -> {
                if (type.facet()) {
                    all.add(key);
                }
            });
            return all;
        }

        /** The name of a facet's dimension in the index. */
        String dimension(String facet) {
            return FACETS.contains(facet) ? facet : CUSTOM + facet;
        }
    }

    Query translate(SearchQuery query, Context me) {
        return switch (query) {
            case SearchQuery.Everything e -> new MatchAllDocsQuery();
            case SearchQuery.Words w -> words(w.text(), w.prefix());
            case SearchQuery.Phrase p -> anyField(field -> phrase(field, p.text()));
            case SearchQuery.Field f -> field(f, me);
            case SearchQuery.All all -> combine(all.parts(), Occur.MUST, me);
            case SearchQuery.Any any -> combine(any.parts(), Occur.SHOULD, me);
            case SearchQuery.Not not -> new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST)
                    .add(translate(not.part(), me), Occur.MUST_NOT).build();
        };
    }

    /** Whether the query says which of library or trash it looks in. */
    static boolean namesPlace(SearchQuery query) {
        return switch (query) {
            case SearchQuery.Field f -> f.name().equals(IN);
            case SearchQuery.All all -> all.parts().stream().anyMatch(LuceneQueries::namesPlace);
            case SearchQuery.Any any -> any.parts().stream().anyMatch(LuceneQueries::namesPlace);
            case SearchQuery.Not not -> namesPlace(not.part());
            default -> false;
        };
    }

    private Query combine(List<SearchQuery> parts, Occur occur, Context me) {
        if (parts.size() > MAX_CLAUSES) {
            throw new InvalidQueryException("A query may combine at most " + MAX_CLAUSES + " terms.");
        }
        var b = new BooleanQuery.Builder();
        for (SearchQuery part : parts) {
            if (occur == Occur.MUST && part instanceof SearchQuery.Not not) {
                b.add(translate(not.part(), me), Occur.MUST_NOT);
            } else if (occur == Occur.MUST && filters(part, me)) {
                // type:image in "photo type:image" narrows the matches but says nothing about which rank first; a scored
                // clause would also keep the page's pass from skipping documents that cannot make the page
                b.add(translate(part, me), Occur.FILTER);
            } else {
                b.add(translate(part, me), occur);
            }
        }
        if (parts.stream().allMatch(p -> p instanceof SearchQuery.Not) && occur == Occur.MUST) {
            b.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        return b.build();
    }

    /** Whether a part only narrows the matches: a field of exact values, dates or numbers, not of words. */
    private static boolean filters(SearchQuery part, Context me) {
        if (!(part instanceof SearchQuery.Field f)) {
            return false;
        }
        Kind kind = QUERYABLE.get(f.name());
        if (kind != null) {
            return kind != Kind.TEXT;
        }
        FieldType custom = me.custom().get(f.name());
        return custom != null && custom != FieldType.TEXT && custom != FieldType.LONG_TEXT && custom != FieldType.URL;
    }

    private Query words(String text, boolean prefix) {
        List<String> tokens = tokens(TEXT, text);
        if (tokens.isEmpty()) {
            return new MatchAllDocsQuery();
        }
        var all = new BooleanQuery.Builder();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            boolean last = prefix && i == tokens.size() - 1;
            if (!last && !seen.add(token)) {
                // "logo logo" finds and ranks what "logo" does, at twice the work
                continue;
            }
            all.add(anyField(field -> last ? new PrefixQuery(new Term(field, token)) : new TermQuery(new Term(field, token))), Occur.MUST);
        }
        BooleanQuery built = all.build();
        return built.clauses().size() == 1 ? built.clauses().getFirst().query() : built;
    }

    private Query anyField(Function<String, Query> perField) {
        var any = new BooleanQuery.Builder();
        freeText.forEach((field, boost) -> any.add(new BoostQuery(perField.apply(field), boost), Occur.SHOULD));
        return any.build();
    }

    private Query phrase(String field, String text) {
        List<String> tokens = tokens(field, text);
        if (tokens.size() == 1) {
            return new TermQuery(new Term(field, tokens.getFirst()));
        }
        return new PhraseQuery(field, tokens.toArray(String[]::new));
    }

    private Query field(SearchQuery.Field f, Context me) {
        Kind kind = QUERYABLE.get(f.name());
        if (kind == null && me.custom().containsKey(f.name())) {
            return custom(f, me.custom().get(f.name()));
        }
        if (kind == null) {
            var names = new java.util.TreeSet<>(QUERYABLE.keySet());
            names.addAll(me.custom().keySet());
            throw new InvalidQueryException("There is no field '" + f.name() + "'. Fields you can search: " + String.join(", ", names) + ".");
        }
        return switch (kind) {
            case TEXT -> text(f);
            case KEYWORD -> keyword(f, me.me());
            case DATE, NUMBER, BYTES, DECIMAL, COUNT -> {
                var range = FieldValues.range(kind, f.name(), f.comparison(), f.value(), f.to());
                yield LongPoint.newRangeQuery(f.name(), range.from(), range.to());
            }
        };
    }

    /** A custom field, under its name in the index ({@link IndexFields#CUSTOM}). */
    private Query custom(SearchQuery.Field f, FieldType type) {
        var named = new SearchQuery.Field(CUSTOM + f.name(), f.comparison(), f.value(), f.to());
        return switch (type) {
            case TEXT, LONG_TEXT, URL -> text(named);
            case DATE -> {
                var range = FieldValues.range(Kind.DATE, f.name(), f.comparison(), f.value(), f.to());
                yield LongPoint.newRangeQuery(named.name(), range.from(), range.to());
            }
            case NUMBER -> {
                var range = FieldValues.decimalRange(f.name(), f.comparison(), f.value(), f.to());
                yield DoublePoint.newRangeQuery(named.name(), range[0], range[1]);
            }
            case BOOLEAN -> keyword(new SearchQuery.Field(named.name(), f.comparison(), FieldValues.bool(f.name(), f.value()), ""), "");
            default -> keyword(named, "");
        };
    }

    private Query text(SearchQuery.Field f) {
        requireEquals(f);
        boolean prefix = f.value().endsWith("*") && f.value().length() > 1;
        List<String> tokens = tokens(f.name(), prefix ? f.value().substring(0, f.value().length() - 1) : f.value());
        if (tokens.isEmpty()) {
            return new MatchAllDocsQuery();
        }
        if (prefix && tokens.size() == 1) {
            return new PrefixQuery(new Term(f.name(), tokens.getFirst()));
        }
        return phrase(f.name(), String.join(" ", tokens));
    }

    private static Query keyword(SearchQuery.Field f, String me) {
        requireEquals(f);
        String value = f.value().toLowerCase(Locale.ROOT);
        if (f.name().equals(OWNER) && value.equals("me")) {
            value = me.toLowerCase(Locale.ROOT);
        }
        if (value.endsWith("*") && value.length() > 1) {
            return new PrefixQuery(new Term(f.name(), value.substring(0, value.length() - 1)));
        }
        return new TermQuery(new Term(f.name(), value));
    }

    private static void requireEquals(SearchQuery.Field f) {
        if (f.comparison() != Comparison.EQUALS) {
            throw new InvalidQueryException("'" + f.name() + "' holds words; it cannot be compared with <, > or ranges.");
        }
    }

    /** The facet values chosen: values of one facet OR'ed, facets AND'ed; {@code skip} is left out. */
    Query selected(Map<String, List<String>> selected, String skip, Context me) {
        var all = new BooleanQuery.Builder();
        selected.forEach((facet, values) -> {
            if (facet.equals(skip) || values.isEmpty()) {
                return;
            }
            if (!me.facets().contains(facet)) {
                throw new InvalidQueryException("There is no facet '" + facet + "'. Facets: " + String.join(", ", me.facets()) + ".");
            }
            var any = new BooleanQuery.Builder();
            values.forEach(v -> any.add(field(new SearchQuery.Field(facet, Comparison.EQUALS, v, ""), new Context("", me.custom())), Occur.SHOULD));
            all.add(any.build(), Occur.FILTER);
        });
        BooleanQuery built = all.build();
        return built.clauses().isEmpty() ? new MatchAllDocsQuery() : built;
    }

    List<String> tokens(String field, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }
}
