package dev.atelier.metadata.internal;

import dev.atelier.metadata.Vocabulary;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code vocabularies} and {@code terms} tables. */
@Repository
public class Taxonomies {

    /** A term as stored: its parent, label and synonyms, without the path. */
    public record Row(UUID id, UUID vocabulary, Optional<UUID> parent, String label, List<String> synonyms) {}

    private final JdbcClient jdbc;

    Taxonomies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Vocabulary v, Instant at) {
        jdbc.sql("INSERT INTO vocabularies (id, name, created_at) VALUES (?, ?, ?)").params(v.id(), v.name(), Timestamp.from(at)).update();
    }

    public List<Vocabulary> vocabularies() {
        return jdbc.sql("SELECT id, name FROM vocabularies ORDER BY LOWER(name)")
                .query((rs, n) -> new Vocabulary(rs.getObject(1, UUID.class), rs.getString(2))).list();
    }

    public Optional<Vocabulary> vocabulary(UUID id) {
        return jdbc.sql("SELECT id, name FROM vocabularies WHERE id = ?").param(id)
                .query((rs, n) -> new Vocabulary(rs.getObject(1, UUID.class), rs.getString(2))).optional();
    }

    public boolean vocabularyNamed(String name) {
        return jdbc.sql("SELECT COUNT(*) FROM vocabularies WHERE LOWER(name) = ?").param(name.toLowerCase(Locale.ROOT))
                .query(Long.class).single() > 0;
    }

    public void save(Row t) {
        int updated = jdbc.sql("UPDATE terms SET parent_id = ?, label = ?, label_key = ?, synonyms = ? WHERE id = ?")
                .params(t.parent().orElse(null), t.label(), key(t.label()), String.join("\n", t.synonyms()), t.id()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO terms (id, vocabulary_id, parent_id, label, label_key, synonyms) VALUES (?, ?, ?, ?, ?, ?)")
                    .params(t.id(), t.vocabulary(), t.parent().orElse(null), t.label(), key(t.label()), String.join("\n", t.synonyms()))
                    .update();
        }
    }

    public void delete(UUID term) {
        jdbc.sql("DELETE FROM terms WHERE id = ?").param(term).update();
    }

    public void reparentChildren(UUID from, UUID to) {
        jdbc.sql("UPDATE terms SET parent_id = ? WHERE parent_id = ?").params(to, from).update();
    }

    /** Every term of every vocabulary: small enough to hold (thousands, not millions). */
    public List<Row> allTerms() {
        return jdbc.sql("SELECT id, vocabulary_id, parent_id, label, synonyms FROM terms ORDER BY LOWER(label)").query(this::row).list();
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        String synonyms = rs.getString("synonyms");
        return new Row(rs.getObject("id", UUID.class), rs.getObject("vocabulary_id", UUID.class),
                Optional.ofNullable(rs.getObject("parent_id", UUID.class)), rs.getString("label"),
                synonyms.isEmpty() ? List.of() : Arrays.asList(synonyms.split("\n")));
    }

    static String key(String label) {
        return label.strip().toLowerCase(Locale.ROOT);
    }
}
