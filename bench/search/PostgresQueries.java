package dev.atelier.search.internal;

import static dev.atelier.search.internal.IndexFields.*;

import dev.atelier.search.SearchQuery;
import dev.atelier.search.SearchSort;
import dev.atelier.search.internal.BenchQueries.Answer;
import dev.atelier.search.internal.BenchQueries.BenchQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's queries in SQL, translated from the same parsed {@link SearchQuery} the index
 * gets, with the index's own helpers for words and ranges, so both engines answer one question.
 * Two statements per search: the page (ranked by {@code ts_rank} or newest first) and one
 * {@code GROUP BY GROUPING SETS} over the same matches for the total and the five facets the data has values for, plus one
 * {@code GROUP BY} per facet with a value chosen (counted without its own choice, as the index does).
 * Only the shapes the benchmark makes are translated: words, prefixes and fields joined by AND.
 */
final class PostgresQueries {

    private static final Map<String, String> FACET_COLUMNS = Map.of(TYPE, "type", FORMAT, "media_type", OWNER, "owner", STATUS, "status",
            CREATED, "date_trunc('month', created AT TIME ZONE 'UTC')");

    private final Connection db;
    private final LuceneQueries analysis = new LuceneQueries(LuceneDocuments.textAnalyzer());

    PostgresQueries(Connection db) {
        this.db = db;
    }

    /** A WHERE clause with its parameters, and the words it requires as a tsquery (empty when none). */
    private record Where(List<String> conditions, List<Object> params, List<String> lexemes) {

        Where() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        }

        void add(String condition, Object... values) {
            conditions.add(condition);
            params.addAll(List.of(values));
        }

        String tsquery() {
            return String.join(" & ", lexemes);
        }

        String sql() {
            var all = new ArrayList<>(conditions);
            if (!lexemes.isEmpty()) {
                all.add("tsv @@ to_tsquery('simple', ?)");
            }
            return String.join(" AND ", all);
        }

        List<Object> allParams() {
            var all = new ArrayList<>(params);
            if (!lexemes.isEmpty()) {
                all.add(tsquery());
            }
            return all;
        }
    }

    Answer search(BenchQuery q) throws SQLException {
        Where where = where(q, "");
        List<String> ids = page(q, where);
        Map<String, Map<String, Long>> facets = new HashMap<>();
        List<String> plain = new ArrayList<>(FACETS);
        plain.removeAll(q.selected().keySet());
        long total = grouped(where, plain, facets);
        for (String dim : q.selected().keySet()) {
            grouped(where(q, dim), List.of(dim), facets);
        }
        return new Answer(total, ids, facets);
    }

    private Where where(BenchQuery q, String skipSelected) {
        Where where = new Where();
        where.add("NOT trashed");
        where.add("readers && ?", new Object[] {q.readers().toArray(String[]::new)});
        translate(q.parsed(), where);
        q.selected().forEach((dim, values) -> {
            if (!dim.equals(skipSelected)) {
                String[] lower = values.stream().map(v -> v.toLowerCase(Locale.ROOT)).toArray(String[]::new);
                switch (dim) {
                    case FORMAT -> where.add("(media_type = ANY(?) OR subtype = ANY(?))", lower, lower);
                    case TYPE, OWNER -> where.add(dim + " = ANY(?)", (Object) lower);
                    default -> throw new IllegalArgumentException("the benchmark does not choose " + dim);
                }
            }
        });
        return where;
    }

    private void translate(SearchQuery query, Where where) {
        switch (query) {
            case SearchQuery.Everything e -> { }
            case SearchQuery.All all -> all.parts().forEach(p -> translate(p, where));
            case SearchQuery.Words w -> {
                List<String> tokens = analysis.tokens(TEXT, w.text());
                for (int i = 0; i < tokens.size(); i++) {
                    boolean prefix = w.prefix() && i == tokens.size() - 1;
                    where.lexemes().add("'" + tokens.get(i).replace("'", "''") + "'" + (prefix ? ":*" : ""));
                }
            }
            case SearchQuery.Field f -> field(f, where);
            default -> throw new IllegalArgumentException("the benchmark does not make " + query);
        }
    }

    private static void field(SearchQuery.Field f, Where where) {
        switch (QUERYABLE.get(f.name())) {
            case KEYWORD -> {
                String value = f.value().toLowerCase(Locale.ROOT);
                if (f.name().equals(FORMAT)) {
                    where.add("(media_type = ? OR subtype = ?)", value, value);
                } else {
                    where.add(f.name() + " = ?", value);
                }
            }
            case DATE, NUMBER, BYTES -> {
                var kind = QUERYABLE.get(f.name());
                var range = FieldValues.range(kind, f.name(), f.comparison(), f.value(), f.to());
                if (range.from() != Long.MIN_VALUE) {
                    where.add(f.name() + " >= ?", kind == Kind.DATE ? timestamp(range.from()) : range.from());
                }
                if (range.to() != Long.MAX_VALUE) {
                    where.add(f.name() + " <= ?", kind == Kind.DATE ? timestamp(range.to()) : range.to());
                }
            }
            default -> throw new IllegalArgumentException("the benchmark does not search " + f.name());
        }
    }

    private static Object timestamp(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC);
    }

    /** The first page, with what a hit shows, like the index's page. */
    private List<String> page(BenchQuery q, Where where) throws SQLException {
        boolean relevance = q.sort() == SearchSort.RELEVANCE && !where.lexemes().isEmpty();
        String order = relevance ? "ts_rank(tsv, to_tsquery('simple', ?)) DESC, id" : "created DESC, id DESC";
        String sql = "SELECT id, title, media_type, versions, size, created, trashed FROM assets WHERE " + where.sql()
                + " ORDER BY " + order + " LIMIT " + BenchQueries.PAGE;
        List<Object> params = where.allParams();
        if (relevance) {
            params.add(where.tsquery());
        }
        List<String> ids = new ArrayList<>();
        try (PreparedStatement s = prepared(sql, params); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getString(1));
                rs.getString(2);
                rs.getString(3);
                rs.getInt(4);
                rs.getLong(5);
                rs.getObject(6, java.time.OffsetDateTime.class);
                rs.getBoolean(7);
            }
        }
        return ids;
    }

    /** Counts per value of each dimension over the matches in one pass; returns the number of matches. */
    private long grouped(Where where, List<String> dims, Map<String, Map<String, Long>> facets) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (String dim : dims) {
            // an alias of its own: in GROUP BY a bare "created" would mean the column, not the month
            sql.append(FACET_COLUMNS.get(dim)).append(" AS facet_").append(dim).append(", ");
        }
        sql.append("count(*) FROM assets WHERE ").append(where.sql()).append(" GROUP BY GROUPING SETS (()");
        dims.forEach(d -> sql.append(", (facet_").append(d).append(')'));
        sql.append(')');
        long total = 0;
        try (PreparedStatement s = prepared(sql.toString(), where.allParams()); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                long count = rs.getLong(dims.size() + 1);
                String dim = null;
                for (int i = 0; i < dims.size(); i++) {
                    Object value = rs.getObject(i + 1);
                    if (value != null) {
                        dim = dims.get(i);
                        facets.computeIfAbsent(dim, k -> new HashMap<>()).put(label(value), count);
                    }
                }
                if (dim == null) {
                    total = count;
                }
            }
        }
        return total;
    }

    private static String label(Object value) {
        if (value instanceof java.sql.Timestamp t) {
            LocalDateTime month = t.toLocalDateTime();
            return "%04d-%02d".formatted(month.getYear(), month.getMonthValue());
        }
        return value.toString();
    }

    private PreparedStatement prepared(String sql, List<Object> params) throws SQLException {
        PreparedStatement s = db.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof String[] array) {
                s.setArray(i + 1, db.createArrayOf("text", array));
            } else {
                s.setObject(i + 1, p);
            }
        }
        return s;
    }
}
