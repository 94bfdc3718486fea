package dev.atelier.brief.internal;

import dev.atelier.asset.AssetId;
import dev.atelier.brief.BriefFieldType;
import dev.atelier.brief.BriefTemplate;
import dev.atelier.brief.TemplateField;
import dev.atelier.identity.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code brief_templates} table and its fields, reviewers and guidelines. */
@Repository
public class BriefTemplates {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    BriefTemplates(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(BriefTemplate t) {
        jdbc.sql("INSERT INTO brief_templates (id, name, description, archived, revision, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(t.id(), t.name(), t.description(), t.archived(), t.revision(), t.createdBy().value(), Timestamp.from(t.createdAt()))
                .update();
        insertParts(t);
    }

    /** @return false when the stored revision is not {@code expectedRevision} (nothing changed) */
    public boolean update(BriefTemplate t, long expectedRevision) {
        int changed = jdbc.sql("UPDATE brief_templates SET name = ?, description = ?, archived = ?, revision = ? WHERE id = ? AND revision = ?")
                .params(t.name(), t.description(), t.archived(), t.revision(), t.id(), expectedRevision).update();
        if (changed == 0) {
            return false;
        }
        for (String table : List.of("brief_template_fields", "brief_template_reviewers", "brief_template_guidelines")) {
            jdbc.sql("DELETE FROM " + table + " WHERE template_id = ?").param(t.id()).update();
        }
        insertParts(t);
        return true;
    }

    public Optional<BriefTemplate> find(UUID id) {
        return jdbc.sql("SELECT * FROM brief_templates WHERE id = ?").param(id).query(this::map).optional();
    }

    public List<BriefTemplate> all() {
        return jdbc.sql("SELECT * FROM brief_templates ORDER BY LOWER(name), id").query(this::map).list();
    }

    /** The template's fields in form order. */
    public List<TemplateField> fields(UUID template) {
        return jdbc.sql("SELECT * FROM brief_template_fields WHERE template_id = ? ORDER BY position").param(template)
                .query((f, n) -> new TemplateField(f.getString("field_key"), f.getString("label"), BriefFieldType.valueOf(f.getString("type")),
                        f.getBoolean("required"), f.getString("help"), json.readValue(f.getString("options"), STRINGS),
                        Optional.ofNullable(f.getObject("vocabulary_id", UUID.class))))
                .list();
    }

    private void insertParts(BriefTemplate t) {
        int position = 0;
        for (TemplateField f : t.fields()) {
            jdbc.sql("""
                    INSERT INTO brief_template_fields (template_id, position, field_key, label, type, required, help, options, vocabulary_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(t.id(), position++, f.key(), f.label(), f.type().name(), f.required(), f.help(), json.writeValueAsString(f.options()),
                            f.vocabulary().orElse(null))
                    .update();
        }
        t.reviewers().forEach(u -> jdbc.sql("INSERT INTO brief_template_reviewers (template_id, user_id) VALUES (?, ?)")
                .params(t.id(), u.value()).update());
        t.guidelines().forEach(a -> jdbc.sql("INSERT INTO brief_template_guidelines (template_id, asset_id) VALUES (?, ?)")
                .params(t.id(), a.value()).update());
    }

    private BriefTemplate map(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<TemplateField> fields = fields(id);
        List<UserId> reviewers = jdbc.sql("SELECT user_id FROM brief_template_reviewers WHERE template_id = ?").param(id)
                .query((r, n) -> new UserId(r.getObject(1, UUID.class))).list();
        List<AssetId> guidelines = jdbc.sql("SELECT asset_id FROM brief_template_guidelines WHERE template_id = ?").param(id)
                .query((r, n) -> new AssetId(r.getObject(1, UUID.class))).list();
        return new BriefTemplate(id, rs.getString("name"), rs.getString("description"), fields, reviewers, guidelines,
                rs.getBoolean("archived"), rs.getLong("revision"), new UserId(rs.getObject("created_by", UUID.class)),
                rs.getTimestamp("created_at").toInstant());
    }
}
