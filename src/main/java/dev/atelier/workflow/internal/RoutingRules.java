package dev.atelier.workflow.internal;

import dev.atelier.brief.BriefRule.Condition;
import dev.atelier.workflow.RoutingRule;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code routing_rules} table and which workflow template a brief template starts on its drafts. */
@Repository
public class RoutingRules {

    private static final TypeReference<List<Condition>> CONDITIONS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    RoutingRules(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(RoutingRule r, Instant at) {
        jdbc.sql("INSERT INTO routing_rules (id, name, position, conditions, template_id, add_stage, enabled, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.id(), r.name(), r.position(), json.writeValueAsString(r.conditions()), r.template().orElse(null), r.addStage().orElse(null),
                        r.enabled(), Timestamp.from(at))
                .update();
    }

    public void delete(UUID id) {
        jdbc.sql("DELETE FROM routing_rules WHERE id = ?").param(id).update();
    }

    public Optional<RoutingRule> find(UUID id) {
        return jdbc.sql("SELECT * FROM routing_rules WHERE id = ?").param(id).query(this::map).optional();
    }

    /** In the order they are tried. */
    public List<RoutingRule> all() {
        return jdbc.sql("SELECT * FROM routing_rules ORDER BY position, created_at").query(this::map).list();
    }

    public int nextPosition() {
        return jdbc.sql("SELECT COALESCE(MAX(position), -1) + 1 FROM routing_rules").query(Integer.class).single();
    }

    public void useForBriefs(UUID briefTemplate, Optional<UUID> workflowTemplate) {
        jdbc.sql("DELETE FROM brief_template_workflows WHERE brief_template_id = ?").param(briefTemplate).update();
        workflowTemplate.ifPresent(w -> jdbc.sql("INSERT INTO brief_template_workflows (brief_template_id, workflow_template_id) VALUES (?, ?)")
                .params(briefTemplate, w).update());
    }

    public Optional<UUID> forBriefs(UUID briefTemplate) {
        return jdbc.sql("SELECT workflow_template_id FROM brief_template_workflows WHERE brief_template_id = ?").param(briefTemplate)
                .query(UUID.class).optional();
    }

    /** The brief templates whose drafts start the workflow template. */
    public List<UUID> briefTemplatesUsing(UUID workflowTemplate) {
        return jdbc.sql("SELECT brief_template_id FROM brief_template_workflows WHERE workflow_template_id = ?").param(workflowTemplate)
                .query(UUID.class).list();
    }

    private RoutingRule map(ResultSet rs, int row) throws SQLException {
        return new RoutingRule(rs.getObject("id", UUID.class), rs.getString("name"), rs.getInt("position"),
                json.readValue(rs.getString("conditions"), CONDITIONS), Optional.ofNullable(rs.getObject("template_id", UUID.class)),
                Optional.ofNullable(rs.getString("add_stage")), rs.getBoolean("enabled"));
    }
}
