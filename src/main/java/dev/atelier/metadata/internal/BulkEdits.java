package dev.atelier.metadata.internal;

import dev.atelier.asset.AssetId;
import dev.atelier.metadata.AssetSelection;
import dev.atelier.metadata.BulkEdit;
import dev.atelier.metadata.FieldChange;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code bulk_edits} tables: the job, its frozen list of assets, its failures. */
@Repository
public class BulkEdits {

    private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() {};
    private static final int REPORTED_FAILURES = 1000;

    /** The selection as stored. */
    record Selection(@Nullable List<String> ids, @Nullable String query, @Nullable Map<String, List<String>> selected) {}

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;

    BulkEdits(JdbcClient jdbc, JdbcTemplate template, JsonMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    public void insert(UUID id, UUID startedBy, AssetSelection selection, List<FieldChange> changes, Instant at) {
        Selection stored = switch (selection) {
            case AssetSelection.Listed l -> new Selection(l.ids().stream().map(AssetId::toString).toList(), null, null);
            case AssetSelection.Search s -> new Selection(null, s.query(), s.selected());
        };
        jdbc.sql("INSERT INTO bulk_edits (id, started_by, selection, changes, status, total, done, changed, failed, created_at) "
                + "VALUES (?, ?, ?, ?, 'QUEUED', 0, 0, 0, 0, ?)")
                .params(id, startedBy, json.writeValueAsString(stored), json.writeValueAsString(changes), Timestamp.from(at)).update();
    }

    public AssetSelection selection(UUID id) {
        Selection s = json.readValue(jdbc.sql("SELECT selection FROM bulk_edits WHERE id = ?").param(id).query(String.class).single(), Selection.class);
        return s.ids() != null ? new AssetSelection.Listed(s.ids().stream().map(AssetId::parse).toList())
                : new AssetSelection.Search(s.query() == null ? "" : s.query(), s.selected() == null ? Map.of() : s.selected());
    }

    /** Freezes the list of assets and the total; the edit is running from now on. */
    public void items(UUID id, List<AssetId> assets) {
        List<Integer> positions = java.util.stream.IntStream.range(0, assets.size()).boxed().toList();
        template.batchUpdate("INSERT INTO bulk_edit_items (bulk_edit_id, position, asset_id) VALUES (?, ?, ?)", positions, 1000, (ps, at) -> {
            ps.setObject(1, id);
            ps.setInt(2, at);
            ps.setObject(3, assets.get(at).value());
        });
        jdbc.sql("UPDATE bulk_edits SET status = 'RUNNING', total = ? WHERE id = ?").params(assets.size(), id).update();
    }

    public boolean hasItems(UUID id) {
        return jdbc.sql("SELECT COUNT(*) FROM bulk_edit_items WHERE bulk_edit_id = ?").param(id).query(Long.class).single() > 0;
    }

    public List<AssetId> items(UUID id, int from, int count) {
        return jdbc.sql("SELECT asset_id FROM bulk_edit_items WHERE bulk_edit_id = ? AND position >= ? ORDER BY position FETCH FIRST " + count + " ROWS ONLY")
                .params(id, from).query((rs, n) -> new AssetId(rs.getObject(1, UUID.class))).list();
    }

    public void progress(UUID id, int done, int changed, List<BulkEdit.Failure> failures) {
        for (BulkEdit.Failure f : failures) {
            jdbc.sql("INSERT INTO bulk_edit_failures (bulk_edit_id, asset_id, message) VALUES (?, ?, ?)")
                    .params(id, UUID.fromString(f.assetId()), f.message().length() > 2000 ? f.message().substring(0, 2000) : f.message()).update();
        }
        jdbc.sql("UPDATE bulk_edits SET done = ?, changed = changed + ?, failed = failed + ? WHERE id = ?")
                .params(done, changed, failures.size(), id).update();
    }

    public void finish(UUID id, BulkEdit.Status status, Optional<String> reason, Instant at) {
        jdbc.sql("UPDATE bulk_edits SET status = ?, reason = ?, finished_at = ? WHERE id = ?")
                .params(status.name(), reason.orElse(null), Timestamp.from(at), id).update();
    }

    public Optional<BulkEdit> find(UUID id) {
        return jdbc.sql("SELECT * FROM bulk_edits WHERE id = ?").param(id).query(this::map).optional();
    }

    private BulkEdit map(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<BulkEdit.Failure> failures = jdbc.sql("SELECT asset_id, message FROM bulk_edit_failures WHERE bulk_edit_id = ? ORDER BY asset_id "
                + "FETCH FIRST " + REPORTED_FAILURES + " ROWS ONLY").param(id)
                .query((r, i) -> new BulkEdit.Failure(r.getObject(1, UUID.class).toString(), r.getString(2))).list();
        Timestamp finished = rs.getTimestamp("finished_at");
        return new BulkEdit(id, rs.getObject("started_by", UUID.class), BulkEdit.Status.valueOf(rs.getString("status")),
                json.readValue(rs.getString("changes"), CHANGES), rs.getInt("total"), rs.getInt("done"), rs.getInt("changed"),
                rs.getInt("failed"), Optional.ofNullable(rs.getString("reason")), rs.getTimestamp("created_at").toInstant(),
                Optional.ofNullable(finished).map(Timestamp::toInstant), failures);
    }
}
