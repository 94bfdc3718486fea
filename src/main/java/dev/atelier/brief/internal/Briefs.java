package dev.atelier.brief.internal;

import dev.atelier.brief.Brief;
import dev.atelier.brief.Brief.Criterion;
import dev.atelier.brief.Brief.IntakeDecision;
import dev.atelier.brief.BriefId;
import dev.atelier.brief.BriefNote;
import dev.atelier.brief.BriefStatus;
import dev.atelier.brief.BriefValue;
import dev.atelier.identity.UserId;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code briefs} table and what hangs off a brief's row: assignees, values (with their
 * milestone and term rows), criteria and rule notes. Links and comments are {@link BriefLinks}.
 */
@Repository
public class Briefs {

    private final JdbcClient jdbc;
    private final StoredValues values;

    Briefs(JdbcClient jdbc, StoredValues values) {
        this.jdbc = jdbc;
        this.values = values;
    }

    public void insert(Brief b) {
        jdbc.sql("""
                INSERT INTO briefs (id, template_id, title, owner_id, status, due_on, board_id, revision, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(b.id().value(), b.template(), b.title(), b.owner().value(), b.status().name(), b.due().map(Date::valueOf).orElse(null),
                        b.board().orElse(null), b.revision(), Timestamp.from(b.createdAt()), Timestamp.from(b.updatedAt()))
                .update();
        writeParts(b);
    }

    /** @return false when the stored revision is not {@code expectedRevision} (nothing changed) */
    public boolean update(Brief b, long expectedRevision) {
        int changed = jdbc.sql("""
                UPDATE briefs SET title = ?, status = ?, due_on = ?, board_id = ?, revision = ?, updated_at = ?, submitted_at = ?,
                       decided_at = ?, decided_by = ?, decision_comment = ?
                WHERE id = ? AND revision = ?""")
                .params(b.title(), b.status().name(), b.due().map(Date::valueOf).orElse(null), b.board().orElse(null), b.revision(),
                        Timestamp.from(b.updatedAt()), b.submittedAt().map(Timestamp::from).orElse(null),
                        b.decision().map(d -> Timestamp.from(d.at())).orElse(null), b.decision().map(d -> d.by().value()).orElse(null),
                        b.decision().map(IntakeDecision::comment).orElse(null), b.id().value(), expectedRevision)
                .update();
        if (changed == 0) {
            return false;
        }
        for (String table : List.of("brief_assignees", "brief_criteria", "brief_notes")) {
            jdbc.sql("DELETE FROM " + table + " WHERE brief_id = ?").param(b.id().value()).update();
        }
        values.delete(b.id());
        writeParts(b);
        return true;
    }

    public Optional<Brief> find(BriefId id) {
        return jdbc.sql("SELECT * FROM briefs WHERE id = ?").param(id.value()).query(this::map).optional();
    }

    public boolean boardExists(UUID board) {
        return jdbc.sql("SELECT COUNT(*) FROM boards WHERE id = ?").param(board).query(Long.class).single() > 0;
    }

    /** Ids of the briefs whose template is the one given, for the template page's counts. */
    public long countOfTemplate(UUID template) {
        return jdbc.sql("SELECT COUNT(*) FROM briefs WHERE template_id = ?").param(template).query(Long.class).single();
    }

    /** Newest first; {@code status} empty for all. */
    public List<Brief> list(Optional<BriefStatus> status, int limit) {
        return jdbc.sql("SELECT * FROM briefs WHERE (? IS NULL OR status = ?) ORDER BY created_at DESC, id FETCH FIRST ? ROWS ONLY")
                .params(status.map(Enum::name).orElse(null), status.map(Enum::name).orElse(null), limit).query(this::map).list();
    }

    private void writeParts(Brief b) {
        UUID id = b.id().value();
        b.assignees().forEach(u -> jdbc.sql("INSERT INTO brief_assignees (brief_id, user_id) VALUES (?, ?)").params(id, u.value()).update());
        for (int i = 0; i < b.criteria().size(); i++) {
            Criterion c = b.criteria().get(i);
            jdbc.sql("INSERT INTO brief_criteria (brief_id, position, text, met) VALUES (?, ?, ?, ?)").params(id, i, c.text(), c.met()).update();
        }
        b.notes().forEach(n -> jdbc.sql("INSERT INTO brief_notes (brief_id, rule_id, disclaimer, legal_review, mandatory_step) VALUES (?, ?, ?, ?, ?)")
                .params(id, n.rule(), n.disclaimer(), n.legalReview(), n.mandatoryStep()).update());
        values.write(b.id(), b.template(), b.values());
    }

    private Brief map(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        UUID template = rs.getObject("template_id", UUID.class);
        List<UserId> assignees = jdbc.sql("SELECT user_id FROM brief_assignees WHERE brief_id = ? ORDER BY user_id").param(id)
                .query((r, n) -> new UserId(r.getObject(1, UUID.class))).list();
        List<Criterion> criteria = jdbc.sql("SELECT text, met FROM brief_criteria WHERE brief_id = ? ORDER BY position").param(id)
                .query((r, n) -> new Criterion(r.getString(1), r.getBoolean(2))).list();
        List<BriefNote> notes = jdbc.sql("""
                SELECT n.*, r.name FROM brief_notes n JOIN brief_rules r ON r.id = n.rule_id WHERE n.brief_id = ? ORDER BY r.name""")
                .param(id).query((r, n) -> new BriefNote(r.getObject("rule_id", UUID.class), r.getString("name"), r.getString("disclaimer"),
                        r.getBoolean("legal_review"), r.getString("mandatory_step"))).list();
        Map<String, BriefValue> stored = values.read(new BriefId(id), template);
        Date due = rs.getDate("due_on");
        Timestamp decidedAt = rs.getTimestamp("decided_at");
        Optional<IntakeDecision> decision = decidedAt == null ? Optional.empty() : Optional.of(new IntakeDecision(
                new UserId(rs.getObject("decided_by", UUID.class)), decidedAt.toInstant(),
                Optional.ofNullable(rs.getString("decision_comment")).orElse("")));
        return new Brief(new BriefId(id), template, rs.getString("title"), new UserId(rs.getObject("owner_id", UUID.class)), assignees,
                BriefStatus.valueOf(rs.getString("status")), Optional.ofNullable(due).map(Date::toLocalDate),
                Optional.ofNullable(rs.getObject("board_id", UUID.class)), stored, criteria, notes, rs.getLong("revision"),
                instant(rs, "created_at"), instant(rs, "updated_at"), Optional.ofNullable(rs.getTimestamp("submitted_at")).map(Timestamp::toInstant),
                decision);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }
}
