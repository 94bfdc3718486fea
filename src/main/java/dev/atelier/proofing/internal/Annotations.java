package dev.atelier.proofing.internal;

import dev.atelier.asset.AssetId;
import dev.atelier.proofing.Annotation;
import dev.atelier.proofing.Annotation.Change;
import dev.atelier.proofing.AnnotationId;
import dev.atelier.proofing.Comment;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Annotations ({@code proof_annotations}) with their threads ({@link Threads}). */
@Repository
public class Annotations {

    private final JdbcClient jdbc;
    private final Threads threads;

    Annotations(JdbcClient jdbc, Threads threads) {
        this.jdbc = jdbc;
        this.threads = threads;
    }

    /** The number the next annotation of the version gets: one more than the highest so far. */
    public int nextNumber(AssetId asset, int version) {
        return jdbc.sql("SELECT COALESCE(MAX(number), 0) + 1 FROM proof_annotations WHERE asset_id = ? AND version = ?")
                .params(asset.value(), version).query(Integer.class).single();
    }

    /** Inserts the annotation and its opening comment. */
    public void insert(Annotation a) {
        MarkColumns m = MarkColumns.of(a.mark());
        jdbc.sql("""
                INSERT INTO proof_annotations (id, asset_id, version, number, kind, page, start_ms, end_ms, shape, x, y, w, h, points,
                    status, author_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.id().value(), a.asset().value(), a.version(), a.number(), m.kind(), m.page(), m.startMs(), m.endMs(), m.shape(),
                        m.x(), m.y(), m.w(), m.h(), m.points(), a.status().name(), a.author().value(),
                        Timestamp.from(a.opening().createdAt()))
                .update();
        threads.insert(a.id(), a.opening());
    }

    public void addComment(AnnotationId id, Comment comment) {
        threads.insert(id, comment);
    }

    /** Saves status, resolved and reopened, if the status is still {@code expected}; returns whether it was. */
    public boolean updateStatus(Annotation a, Annotation.Status expected) {
        return jdbc.sql("""
                UPDATE proof_annotations SET status = ?, resolved_by = ?, resolved_at = ?, reopened_by = ?, reopened_at = ?
                WHERE id = ? AND status = ?""")
                .params(a.status().name(), Changes.by(a.resolved()), Changes.at(a.resolved()), Changes.by(a.reopened()),
                        Changes.at(a.reopened()), a.id().value(), expected.name())
                .update() == 1;
    }

    public Optional<Annotation> find(AnnotationId id) {
        return jdbc.sql("SELECT * FROM proof_annotations WHERE id = ?").param(id.value()).query(this::row).optional()
                .map(row -> row.with(threads.of(List.of(id.value())).getOrDefault(id.value(), List.of())));
    }

    /** The version's annotations by number, threads included. */
    public List<Annotation> of(AssetId asset, int version) {
        List<Row> rows = jdbc.sql("SELECT * FROM proof_annotations WHERE asset_id = ? AND version = ? ORDER BY number")
                .params(asset.value(), version).query(this::row).list();
        Map<UUID, List<Comment>> comments = threads.of(rows.stream().map(r -> r.id().value()).toList());
        return rows.stream().map(r -> r.with(comments.getOrDefault(r.id().value(), List.of()))).toList();
    }

    /** How many of the version's annotations are open. */
    public int countOpen(AssetId asset, int version) {
        return jdbc.sql("SELECT COUNT(*) FROM proof_annotations WHERE asset_id = ? AND version = ? AND status = 'OPEN'")
                .params(asset.value(), version).query(Integer.class).single();
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        return new Row(new AnnotationId(rs.getObject("id", UUID.class)), new AssetId(rs.getObject("asset_id", UUID.class)), rs.getInt("version"),
                rs.getInt("number"), MarkColumns.read(rs), Annotation.Status.valueOf(rs.getString("status")),
                Changes.read(rs, "resolved_by", "resolved_at"), Changes.read(rs, "reopened_by", "reopened_at"));
    }

    private record Row(AnnotationId id, AssetId asset, int version, int number, MarkColumns mark, Annotation.Status status,
            Optional<Change> resolved, Optional<Change> reopened) {

        Annotation with(List<Comment> thread) {
            return new Annotation(id, asset, version, number, mark.mark(), status, thread, resolved, reopened);
        }
    }
}
