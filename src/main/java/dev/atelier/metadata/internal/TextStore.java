package dev.atelier.metadata.internal;

import dev.atelier.asset.AssetId;
import dev.atelier.metadata.VersionText;
import dev.atelier.metadata.VersionText.Source;
import dev.atelier.metadata.VersionText.Status;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import java.util.function.ObjIntConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code version_text} table: one row per version once its text was looked for. */
@Repository
public class TextStore {

    private static final int MAX_REASON = 2000;

    private final JdbcClient jdbc;

    TextStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(VersionText t) {
        String source = t.source().map(Enum::name).orElse(null);
        String reason = t.reason().map(r -> r.length() > MAX_REASON ? r.substring(0, MAX_REASON - 1) + "…" : r).orElse(null);
        int updated = jdbc.sql("""
                UPDATE version_text SET status = ?, source = ?, content = ?, text_length = ?, truncated = ?, reason = ?, updated_at = ?
                WHERE asset_id = ? AND version = ?""")
                .params(t.status().name(), source, t.text(), t.length(), t.truncated(), reason, Timestamp.from(t.at()),
                        t.assetId().value(), t.version())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO version_text (asset_id, version, status, source, content, text_length, truncated, reason, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(t.assetId().value(), t.version(), t.status().name(), source, t.text(), t.length(), t.truncated(), reason,
                            Timestamp.from(t.at()))
                    .update();
        }
    }

    public Optional<VersionText> find(AssetId asset, int version) {
        return jdbc.sql("SELECT * FROM version_text WHERE asset_id = ? AND version = ?").params(asset.value(), version)
                .query(TextStore::map).optional();
    }

    /** Every version whose text was looked for, streamed. */
    public void eachDone(ObjIntConsumer<AssetId> consumer) {
        jdbc.sql("SELECT asset_id, version FROM version_text WHERE status <> 'PENDING'").withFetchSize(1000)
                .query(rs -> {
                    consumer.accept(new AssetId(rs.getObject(1, UUID.class)), rs.getInt(2));
                });
    }

    private static VersionText map(ResultSet rs, int row) throws SQLException {
        return new VersionText(new AssetId(rs.getObject("asset_id", UUID.class)), rs.getInt("version"), Status.valueOf(rs.getString("status")),
                Optional.ofNullable(rs.getString("source")).map(Source::valueOf), rs.getString("content"), rs.getBoolean("truncated"),
                Optional.ofNullable(rs.getString("reason")), rs.getTimestamp("updated_at").toInstant());
    }
}
