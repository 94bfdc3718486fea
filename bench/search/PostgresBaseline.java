package dev.atelier.search.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The baseline: the same assets in one PostgreSQL table, searched with PostgreSQL's own full-text
 * search. The text vector weighs the title A, the file names B and the description C; the text is
 * split at dots, underscores and hyphens first, as the Lucene analyser does, and the 'simple'
 * configuration lower-cases without stemming, as Lucene does here. Readers are a text array with a
 * GIN index; the filter columns have B-tree indexes.
 */
final class PostgresBaseline implements AutoCloseable {

    static final String TABLE = """
            CREATE TABLE assets (
                id uuid NOT NULL,
                revision bigint NOT NULL,
                title text NOT NULL,
                description text NOT NULL,
                filenames text NOT NULL,
                type text NOT NULL,
                media_type text NOT NULL,
                subtype text NOT NULL,
                owner text NOT NULL,
                status text NOT NULL,
                trashed boolean NOT NULL,
                created timestamptz NOT NULL,
                updated timestamptz NOT NULL,
                size bigint NOT NULL,
                versions int NOT NULL,
                readers text[] NOT NULL,
                tsv tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('simple', translate(title, '._-', '   ')), 'A')
                    || setweight(to_tsvector('simple', translate(filenames, '._-', '   ')), 'B')
                    || setweight(to_tsvector('simple', translate(description, '._-', '   ')), 'C')) STORED)""";

    static final String COLUMNS = "id, revision, title, description, filenames, type, media_type, subtype, owner, status, trashed, created, updated, size, versions, readers";

    /** Each index with the name its build time is reported under. */
    static final Map<String, String> INDEXES = new LinkedHashMap<>();

    static {
        INDEXES.put("primary key", "ALTER TABLE assets ADD PRIMARY KEY (id)");
        INDEXES.put("gin text", "CREATE INDEX assets_tsv ON assets USING gin (tsv)");
        INDEXES.put("gin readers", "CREATE INDEX assets_readers ON assets USING gin (readers)");
        INDEXES.put("b-trees", String.join(";",
                "CREATE INDEX assets_created ON assets (created, id)", "CREATE INDEX assets_type ON assets (type)",
                "CREATE INDEX assets_media_type ON assets (media_type)", "CREATE INDEX assets_subtype ON assets (subtype)",
                "CREATE INDEX assets_owner ON assets (owner)", "CREATE INDEX assets_size ON assets (size)"));
    }

    /** Seconds per step of the load, in order, and the sizes after it. */
    record Load(Map<String, Double> seconds, long tableBytes, long indexBytes) {
        double total() {
            return seconds.values().stream().mapToDouble(Double::doubleValue).sum();
        }
    }

    private final Connection db;

    PostgresBaseline(String url) throws SQLException {
        this.db = DriverManager.getConnection(url);
        execute("SET TIME ZONE 'UTC'");
    }

    Connection connection() {
        return db;
    }

    String version() throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    Load load(Iterator<AssetDocument> assets) throws SQLException {
        Map<String, Double> seconds = new LinkedHashMap<>();
        execute("DROP TABLE IF EXISTS assets");
        execute(TABLE);
        long start = System.nanoTime();
        copy(assets);
        seconds.put("copy", (System.nanoTime() - start) / 1e9);
        for (var index : INDEXES.entrySet()) {
            start = System.nanoTime();
            for (String sql : index.getValue().split(";")) {
                execute(sql);
            }
            seconds.put(index.getKey(), (System.nanoTime() - start) / 1e9);
        }
        start = System.nanoTime();
        execute("VACUUM ANALYZE assets");
        seconds.put("vacuum analyze", (System.nanoTime() - start) / 1e9);
        return new Load(seconds, bytes("pg_table_size('assets')"), bytes("pg_indexes_size('assets')"));
    }

    private void copy(Iterator<AssetDocument> assets) throws SQLException {
        CopyIn copy = db.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY assets (" + COLUMNS + ") FROM STDIN");
        try {
            StringBuilder rows = new StringBuilder(1 << 20);
            while (assets.hasNext()) {
                row(rows, assets.next());
                if (rows.length() > (1 << 20) - 4096 || !assets.hasNext()) {
                    byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
                    copy.writeToCopy(bytes, 0, bytes.length);
                    rows.setLength(0);
                }
            }
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /** One line of COPY's text format. */
    private static void row(StringBuilder out, AssetDocument a) {
        String readers = "{" + String.join(",", a.readers().stream().map(r -> "\"" + r + "\"").toList()) + "}";
        Object[] values = {a.id(), a.revision(), a.title(), a.description(), String.join("\n", a.filenames()), a.type(),
                a.mediaType().toLowerCase(java.util.Locale.ROOT), LuceneDocuments.subtype(a.mediaType()),
                a.owner().toLowerCase(java.util.Locale.ROOT), a.status(), a.trashed(), a.createdAt(), a.updatedAt(), a.size(), a.versions(), readers};
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            escaped(out, String.valueOf(values[i]));
        }
        out.append('\n');
    }

    private static void escaped(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    private long bytes(String expression) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT " + expression)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = db.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
