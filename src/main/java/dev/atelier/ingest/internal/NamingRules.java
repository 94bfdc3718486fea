package dev.atelier.ingest.internal;

import dev.atelier.ingest.NamingRule;
import dev.atelier.ingest.NamingTemplate;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code naming_rules} table. */
@Repository
public class NamingRules {

    private final JdbcClient jdbc;

    NamingRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(NamingRule r) {
        jdbc.sql("INSERT INTO naming_rules (id, name, template, applies_to, mode, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(r.id(), r.name(), r.template().template(), r.appliesTo(), r.mode().name(), Timestamp.from(r.createdAt())).update();
    }

    public boolean delete(UUID id) {
        return jdbc.sql("DELETE FROM naming_rules WHERE id = ?").param(id).update() == 1;
    }

    public List<NamingRule> all() {
        return jdbc.sql("SELECT * FROM naming_rules ORDER BY created_at").query((rs, n) -> new NamingRule(rs.getObject("id", UUID.class),
                rs.getString("name"), NamingTemplate.parse(rs.getString("template")), rs.getString("applies_to"),
                NamingRule.Mode.valueOf(rs.getString("mode")), rs.getTimestamp("created_at").toInstant())).list();
    }
}
