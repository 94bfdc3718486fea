package dev.atelier.brief.internal;

import dev.atelier.brief.BriefRule;
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

/** The {@code brief_rules} table; conditions are a JSON array. */
@Repository
public class BriefRules {

    private static final TypeReference<List<BriefRule.Condition>> CONDITIONS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    BriefRules(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(BriefRule r) {
        jdbc.sql("""
                INSERT INTO brief_rules (id, name, conditions, disclaimer, legal_review, mandatory_step, enabled, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), r.name(), json.writeValueAsString(r.conditions()), r.disclaimer(), r.legalReview(), r.mandatoryStep(),
                        r.enabled(), Timestamp.from(r.createdAt()))
                .update();
    }

    public void update(BriefRule r) {
        jdbc.sql("UPDATE brief_rules SET name = ?, conditions = ?, disclaimer = ?, legal_review = ?, mandatory_step = ?, enabled = ? WHERE id = ?")
                .params(r.name(), json.writeValueAsString(r.conditions()), r.disclaimer(), r.legalReview(), r.mandatoryStep(), r.enabled(), r.id())
                .update();
    }

    /** Removes the rule and what it added to briefs; they are evaluated again on their next save. */
    public void delete(UUID id) {
        jdbc.sql("DELETE FROM brief_notes WHERE rule_id = ?").param(id).update();
        jdbc.sql("DELETE FROM brief_rules WHERE id = ?").param(id).update();
    }

    public Optional<BriefRule> find(UUID id) {
        return jdbc.sql("SELECT * FROM brief_rules WHERE id = ?").param(id).query(this::map).optional();
    }

    public List<BriefRule> all() {
        return jdbc.sql("SELECT * FROM brief_rules ORDER BY LOWER(name), id").query(this::map).list();
    }

    private BriefRule map(ResultSet rs, int row) throws SQLException {
        return new BriefRule(rs.getObject("id", UUID.class), rs.getString("name"), json.readValue(rs.getString("conditions"), CONDITIONS),
                rs.getString("disclaimer"), rs.getBoolean("legal_review"), rs.getString("mandatory_step"), rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant());
    }
}
