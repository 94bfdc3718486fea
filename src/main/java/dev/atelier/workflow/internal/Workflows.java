package dev.atelier.workflow.internal;

import dev.atelier.asset.AssetId;
import dev.atelier.brief.BriefId;
import dev.atelier.identity.UserId;
import dev.atelier.workflow.Decision;
import dev.atelier.workflow.DueTime;
import dev.atelier.workflow.ReviewerState;
import dev.atelier.workflow.Stage;
import dev.atelier.workflow.StageRule;
import dev.atelier.workflow.StageStatus;
import dev.atelier.workflow.Verdict;
import dev.atelier.workflow.Workflow;
import dev.atelier.workflow.WorkflowStatus;
import dev.atelier.shared.ConflictException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Workflows with their stages and reviewers, and the append-only decisions. */
@Repository
public class Workflows {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Workflows(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @throws ConflictException when a round of the asset is running already (also one started at the same moment) */
    public void insert(Workflow w) {
        try {
            jdbc.sql("""
                    INSERT INTO workflows (id, asset_id, version, round, template_id, template_name, brief_id, owner_id, status, running_asset_id,
                                           started_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(w.id(), w.asset().value(), w.version(), w.round(), w.template().orElse(null), w.templateName(),
                            w.brief().map(BriefId::value).orElse(null), w.owner().value(), w.status().name(), w.asset().value(), ts(w.startedAt()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("The asset is in review already; finish or cancel that review first.");
        }
        for (Stage s : w.stages()) {
            jdbc.sql("""
                    INSERT INTO workflow_stages (workflow_id, stage_key, position, name, rule, quorum, gatekeeper_id, after_keys, due_minutes,
                                                 business_days, status)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(w.id(), s.key(), s.position(), s.name(), s.rule().name(), s.quorum(), s.gatekeeper().map(UserId::value).orElse(null),
                            json.writeValueAsString(s.after()), s.due().map(d -> d.duration().toMinutes()).orElse(null),
                            s.due().map(DueTime::businessDays).orElse(null), s.status().name())
                    .update();
            s.reviewers().forEach(r -> jdbc.sql("INSERT INTO workflow_reviewers (workflow_id, stage_key, user_id, state) VALUES (?, ?, ?, ?)")
                    .params(w.id(), s.key(), r.user().value(), r.state().name()).update());
        }
    }

    /** Takes the workflow's row lock: decisions on one workflow are evaluated one after the other. */
    public Optional<Workflow> lock(UUID id) {
        int locked = jdbc.sql("UPDATE workflows SET status = status WHERE id = ?").param(id).update();
        return locked == 0 ? Optional.empty() : find(id);
    }

    public Optional<Workflow> find(UUID id) {
        return jdbc.sql("SELECT * FROM workflows WHERE id = ?").param(id).query(Workflows::row).optional().map(r -> assemble(List.of(r)).getFirst());
    }

    /** The asset's workflows, newest first. */
    public List<Workflow> ofAsset(AssetId asset) {
        return assemble(jdbc.sql("SELECT * FROM workflows WHERE asset_id = ? ORDER BY started_at DESC, id DESC").param(asset.value())
                .query(Workflows::row).list());
    }

    public boolean approved(AssetId asset, int version) {
        return jdbc.sql("SELECT COUNT(*) FROM workflows WHERE asset_id = ? AND version = ? AND status = 'APPROVED'")
                .params(asset.value(), version).query(Long.class).single() > 0;
    }

    /** The statuses of the version's rounds, the latest round first. */
    public List<WorkflowStatus> statusesOf(AssetId asset, int version) {
        return jdbc.sql("SELECT status FROM workflows WHERE asset_id = ? AND version = ? ORDER BY round DESC")
                .params(asset.value(), version).query((rs, row) -> WorkflowStatus.valueOf(rs.getString("status"))).list();
    }

    /** {@link #statusesOf(AssetId, int)} for many assets' versions in one query; assets without rounds are left out. */
    public Map<AssetId, List<WorkflowStatus>> statusesOf(Map<AssetId, Integer> versions) {
        Map<AssetId, List<WorkflowStatus>> statuses = new HashMap<>();
        if (versions.isEmpty()) {
            return statuses;
        }
        jdbc.sql("SELECT asset_id, version, status FROM workflows WHERE asset_id IN (:ids) ORDER BY round DESC")
                .param("ids", versions.keySet().stream().map(AssetId::value).toList())
                .query((rs, row) -> {
                    AssetId asset = new AssetId(rs.getObject("asset_id", java.util.UUID.class));
                    if (versions.get(asset) == rs.getInt("version")) {
                        statuses.computeIfAbsent(asset, a -> new ArrayList<>()).add(WorkflowStatus.valueOf(rs.getString("status")));
                    }
                    return asset;
                }).list();
        return statuses;
    }

    /** Workflows with an active stage the user reviews and has not decided. */
    public List<Workflow> waitingOn(UserId user) {
        return assemble(jdbc.sql("""
                SELECT w.* FROM workflows w WHERE w.status = 'RUNNING' AND EXISTS (
                  SELECT 1 FROM workflow_reviewers r JOIN workflow_stages s ON s.workflow_id = r.workflow_id AND s.stage_key = r.stage_key
                  WHERE r.workflow_id = w.id AND r.user_id = ? AND s.status = 'ACTIVE' AND r.state <> 'DECIDED')
                ORDER BY w.started_at""").param(user.value()).query(Workflows::row).list());
    }

    /** Running workflows with an active stage due at or before {@code before} (reminders and escalations look at them). */
    public List<Workflow> withActiveStagesDueBefore(Instant before) {
        return assemble(jdbc.sql("""
                SELECT w.* FROM workflows w WHERE w.status = 'RUNNING' AND EXISTS (
                  SELECT 1 FROM workflow_stages s WHERE s.workflow_id = w.id AND s.status = 'ACTIVE' AND s.due_at <= ?)""")
                .param(ts(before)).query(Workflows::row).list());
    }

    public void finish(UUID id, WorkflowStatus status, Instant at) {
        jdbc.sql("UPDATE workflows SET status = ?, finished_at = ?, running_asset_id = NULL WHERE id = ?").params(status.name(), ts(at), id).update();
    }

    public void startStage(UUID workflow, String stage, Instant at, Optional<Instant> dueAt) {
        jdbc.sql("UPDATE workflow_stages SET status = 'ACTIVE', started_at = ?, due_at = ? WHERE workflow_id = ? AND stage_key = ?")
                .params(ts(at), dueAt.map(Workflows::ts).orElse(null), workflow, stage).update();
        jdbc.sql("UPDATE workflow_reviewers SET state = 'SENT', sent_at = ? WHERE workflow_id = ? AND stage_key = ?").params(ts(at), workflow, stage)
                .update();
    }

    public void closeStage(UUID workflow, String stage, StageStatus status, Instant at) {
        jdbc.sql("UPDATE workflow_stages SET status = ?, completed_at = ? WHERE workflow_id = ? AND stage_key = ?")
                .params(status.name(), ts(at), workflow, stage).update();
    }

    /** Marks a reminder or escalation as sent; {@code column} is one of reminded_before_at, reminded_after_at, escalated_at. */
    public void markDeadline(UUID workflow, String stage, String column, Instant at) {
        if (!List.of("reminded_before_at", "reminded_after_at", "escalated_at").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        jdbc.sql("UPDATE workflow_stages SET " + column + " = ? WHERE workflow_id = ? AND stage_key = ?").params(ts(at), workflow, stage).update();
    }

    public Optional<Instant> deadlineMark(UUID workflow, String stage, String column) {
        return jdbc.sql("SELECT " + column + " FROM workflow_stages WHERE workflow_id = ? AND stage_key = ?").params(workflow, stage)
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant)).single();
    }

    /** Moves the reviewer forward (never back): SENT → OPENED → COMMENTED → DECIDED. */
    public void advance(UUID workflow, String stage, UserId user, ReviewerState state, Instant at) {
        String column = switch (state) {
            case OPENED -> "opened_at";
            case COMMENTED -> "commented_at";
            case DECIDED -> "decided_at";
            default -> throw new IllegalArgumentException(state.name());
        };
        jdbc.sql("UPDATE workflow_reviewers SET " + column + " = COALESCE(" + column + ", ?) WHERE workflow_id = ? AND stage_key = ? AND user_id = ?")
                .params(ts(at), workflow, stage, user.value()).update();
        List<String> lower = java.util.Arrays.stream(ReviewerState.values()).filter(s -> s.ordinal() < state.ordinal() && s != ReviewerState.PENDING)
                .map(Enum::name).toList();
        jdbc.sql("UPDATE workflow_reviewers SET state = :state WHERE workflow_id = :w AND stage_key = :s AND user_id = :u AND state IN (:lower)")
                .param("state", state.name()).param("w", workflow).param("s", stage).param("u", user.value()).param("lower", lower).update();
    }

    public void record(Decision d) {
        jdbc.sql("""
                INSERT INTO workflow_decisions (id, workflow_id, stage_key, reviewer_id, verdict, comment, version, sha256, decided_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(d.id(), d.workflow(), d.stage(), d.reviewer().value(), d.verdict().name(), d.comment(), d.version(), d.sha256(),
                        ts(d.decidedAt()))
                .update();
    }

    /** Oldest first: the decision trail. */
    public List<Decision> decisions(UUID workflow) {
        return jdbc.sql("SELECT * FROM workflow_decisions WHERE workflow_id = ? ORDER BY decided_at, id").param(workflow)
                .query((rs, n) -> new Decision(rs.getObject("id", UUID.class), workflow, rs.getString("stage_key"),
                        new UserId(rs.getObject("reviewer_id", UUID.class)), Verdict.valueOf(rs.getString("verdict")), rs.getString("comment"),
                        rs.getInt("version"), rs.getString("sha256"), rs.getTimestamp("decided_at").toInstant()))
                .list();
    }

    /** A workflow's own row; stages come from {@link #assemble}. */
    private record Row(UUID id, AssetId asset, int version, int round, Optional<UUID> template, String templateName, Optional<BriefId> brief,
            UserId owner, WorkflowStatus status, Instant startedAt, Optional<Instant> finishedAt) {}

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getObject("id", UUID.class), new AssetId(rs.getObject("asset_id", UUID.class)), rs.getInt("version"), rs.getInt("round"),
                Optional.ofNullable(rs.getObject("template_id", UUID.class)), rs.getString("template_name"),
                Optional.ofNullable(rs.getObject("brief_id", UUID.class)).map(BriefId::new), new UserId(rs.getObject("owner_id", UUID.class)),
                WorkflowStatus.valueOf(rs.getString("status")), rs.getTimestamp("started_at").toInstant(), instant(rs, "finished_at"));
    }

    /** The workflows with their stages and reviewers: two more queries for all of them, not two per workflow. */
    private List<Workflow> assemble(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(Row::id).toList();
        Map<String, List<Stage.Reviewer>> reviewers = new HashMap<>();
        jdbc.sql("SELECT * FROM workflow_reviewers WHERE workflow_id IN (:ids) ORDER BY user_id").param("ids", ids).query((r, n) -> {
            reviewers.computeIfAbsent(r.getObject("workflow_id", UUID.class) + "/" + r.getString("stage_key"), k -> new ArrayList<>())
                    .add(new Stage.Reviewer(new UserId(r.getObject("user_id", UUID.class)), ReviewerState.valueOf(r.getString("state")),
                            instant(r, "sent_at"), instant(r, "opened_at"), instant(r, "commented_at"), instant(r, "decided_at")));
            return null;
        }).list();
        Map<UUID, List<Stage>> stages = new HashMap<>();
        jdbc.sql("SELECT * FROM workflow_stages WHERE workflow_id IN (:ids) ORDER BY position").param("ids", ids).query((s, n) -> {
            UUID workflow = s.getObject("workflow_id", UUID.class);
            stages.computeIfAbsent(workflow, k -> new ArrayList<>()).add(stage(s, reviewers.getOrDefault(workflow + "/" + s.getString("stage_key"),
                    List.of())));
            return null;
        }).list();
        return rows.stream().map(r -> new Workflow(r.id(), r.asset(), r.version(), r.round(), r.template(), r.templateName(), r.brief(), r.owner(),
                r.status(), r.startedAt(), r.finishedAt(), stages.getOrDefault(r.id(), List.of()))).toList();
    }

    private Stage stage(ResultSet s, List<Stage.Reviewer> reviewers) throws SQLException {
        long minutes = s.getLong("due_minutes");
        Optional<DueTime> due = s.wasNull() ? Optional.empty() : Optional.of(new DueTime(s.getInt("business_days"), Duration.ofMinutes(minutes)));
        return new Stage(s.getString("stage_key"), s.getInt("position"), s.getString("name"), StageRule.valueOf(s.getString("rule")), s.getInt("quorum"),
                Optional.ofNullable(s.getObject("gatekeeper_id", UUID.class)).map(UserId::new), json.readValue(s.getString("after_keys"), STRINGS),
                due, StageStatus.valueOf(s.getString("status")), instant(s, "started_at"), instant(s, "due_at"), instant(s, "completed_at"),
                reviewers);
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getTimestamp(column)).map(Timestamp::toInstant);
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }
}
