package dev.atelier.metadata.internal;

import dev.atelier.asset.AssetId;
import dev.atelier.identity.UserId;
import dev.atelier.metadata.AssetTags;
import dev.atelier.metadata.TagSuggestion;
import dev.atelier.metadata.TagSuggestion.Status;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code tag_suggestions} table (one row per asset and tag) and {@code tagger_runs} (one per version). */
@Repository
public class TagSuggestionStore {

    /** How asking the tagger about one version went: {@code DONE}, {@code SKIPPED} or {@code FAILED}. */
    public record Run(String status, Optional<String> reason) {}

    private final JdbcClient jdbc;

    TagSuggestionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every suggestion ever made for the asset, in any status, most confident first. */
    public List<TagSuggestion> all(AssetId asset) {
        return jdbc.sql("SELECT * FROM tag_suggestions WHERE asset_id = ? ORDER BY confidence DESC, tag_key").param(asset.value())
                .query(TagSuggestionStore::map).list();
    }

    /** Proposes the tag, or refreshes an open proposal of it; a decided one is left alone. */
    public void suggest(AssetId asset, String tag, int version, double confidence, Instant at) {
        String key = AssetTags.key(tag);
        int open = jdbc.sql("UPDATE tag_suggestions SET tag = ?, version = ?, confidence = ?, updated_at = ? "
                + "WHERE asset_id = ? AND tag_key = ? AND status = 'SUGGESTED'")
                .params(tag, version, confidence, Timestamp.from(at), asset.value(), key).update();
        int decided = jdbc.sql("SELECT COUNT(*) FROM tag_suggestions WHERE asset_id = ? AND tag_key = ?").params(asset.value(), key)
                .query(Integer.class).single();
        if (open == 0 && decided == 0) {
            jdbc.sql("INSERT INTO tag_suggestions (asset_id, tag_key, tag, version, confidence, status, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(asset.value(), key, tag, version, confidence, Status.SUGGESTED.name(), Timestamp.from(at)).update();
        }
    }

    /** Records the decision on an open suggestion; whether there was one. */
    public boolean decide(AssetId asset, String tag, Status status, UserId by, Instant at) {
        return jdbc.sql("UPDATE tag_suggestions SET status = ?, decided_by = ?, updated_at = ? WHERE asset_id = ? AND tag_key = ? AND status = 'SUGGESTED'")
                .params(status.name(), by.value(), Timestamp.from(at), asset.value(), AssetTags.key(tag)).update() > 0;
    }

    public Optional<Run> run(AssetId asset, int version) {
        return jdbc.sql("SELECT status, reason FROM tagger_runs WHERE asset_id = ? AND version = ?").params(asset.value(), version)
                .query((rs, row) -> new Run(rs.getString(1), Optional.ofNullable(rs.getString(2)))).optional();
    }

    public void saveRun(AssetId asset, int version, String status, Optional<String> reason, Instant at) {
        String why = reason.map(r -> r.length() > 2000 ? r.substring(0, 2000) : r).orElse(null);
        jdbc.sql("DELETE FROM tagger_runs WHERE asset_id = ? AND version = ?").params(asset.value(), version).update();
        jdbc.sql("INSERT INTO tagger_runs (asset_id, version, status, reason, updated_at) VALUES (?, ?, ?, ?, ?)")
                .params(asset.value(), version, status, why, Timestamp.from(at)).update();
    }

    private static TagSuggestion map(ResultSet rs, int row) throws SQLException {
        return new TagSuggestion(rs.getString("tag"), rs.getDouble("confidence"), rs.getInt("version"), Status.valueOf(rs.getString("status")),
                rs.getTimestamp("updated_at").toInstant());
    }
}
