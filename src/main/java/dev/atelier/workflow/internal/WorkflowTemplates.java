package dev.atelier.workflow.internal;

import dev.atelier.identity.UserId;
import dev.atelier.workflow.WorkflowTemplate;
import dev.atelier.workflow.WorkflowYaml;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code workflow_templates} table; the YAML is stored as written. */
@Repository
public class WorkflowTemplates {

    private final JdbcClient jdbc;

    WorkflowTemplates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(WorkflowTemplate t) {
        jdbc.sql("INSERT INTO workflow_templates (id, name, definition, revision, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(t.id(), t.name(), t.yaml(), t.revision(), t.createdBy().value(), Timestamp.from(t.createdAt())).update();
    }

    /** @return false when the stored revision is not {@code expectedRevision} */
    public boolean update(WorkflowTemplate t, long expectedRevision) {
        return jdbc.sql("UPDATE workflow_templates SET name = ?, definition = ?, revision = ? WHERE id = ? AND revision = ?")
                .params(t.name(), t.yaml(), t.revision(), t.id(), expectedRevision).update() == 1;
    }

    public Optional<WorkflowTemplate> find(UUID id) {
        return jdbc.sql("SELECT * FROM workflow_templates WHERE id = ?").param(id).query(WorkflowTemplates::map).optional();
    }

    public Optional<WorkflowTemplate> findByName(String name) {
        return jdbc.sql("SELECT * FROM workflow_templates WHERE LOWER(name) = LOWER(?)").param(name).query(WorkflowTemplates::map).optional();
    }

    public List<WorkflowTemplate> all() {
        return jdbc.sql("SELECT * FROM workflow_templates ORDER BY LOWER(name)").query(WorkflowTemplates::map).list();
    }

    private static WorkflowTemplate map(ResultSet rs, int row) throws SQLException {
        String yaml = rs.getString("definition");
        return new WorkflowTemplate(rs.getObject("id", UUID.class), yaml, WorkflowYaml.parse(yaml), rs.getLong("revision"),
                new UserId(rs.getObject("created_by", UUID.class)), rs.getTimestamp("created_at").toInstant());
    }
}
