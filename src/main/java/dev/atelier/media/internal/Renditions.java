package dev.atelier.media.internal;

import dev.atelier.asset.AssetId;
import dev.atelier.media.Rendition;
import dev.atelier.media.RenditionKind;
import dev.atelier.media.RenditionStatus;
import dev.atelier.storage.BlobKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The {@code renditions} table: one row per asset version and rendition kind. */
@Repository
public class Renditions {

    private final JdbcClient jdbc;

    Renditions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts or replaces the row for the rendition's version and kind. */
    @Transactional
    public void save(Rendition r) {
        int updated = jdbc.sql("""
                UPDATE renditions SET status = ?, blob_key = ?, media_type = ?, width = ?, height = ?, reason = ?, updated_at = ?
                WHERE asset_id = ? AND version_number = ? AND name = ?""")
                .params(r.status().name(), r.blobKey().map(BlobKey::sha256).orElse(null), r.mediaType().orElse(null), r.width(),
                        r.height(), r.reason().orElse(null), Timestamp.from(r.updatedAt()), r.assetId().value(), r.version(),
                        r.kind().slug())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO renditions (asset_id, version_number, name, status, blob_key, media_type, width, height, reason, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(r.assetId().value(), r.version(), r.kind().slug(), r.status().name(),
                            r.blobKey().map(BlobKey::sha256).orElse(null), r.mediaType().orElse(null), r.width(), r.height(),
                            r.reason().orElse(null), Timestamp.from(r.updatedAt()))
                    .update();
        }
    }

    public Optional<Rendition> find(AssetId asset, int version, RenditionKind kind) {
        return jdbc.sql("SELECT * FROM renditions WHERE asset_id = ? AND version_number = ? AND name = ?")
                .params(asset.value(), version, kind.slug()).query(Renditions::map).optional();
    }

    public List<Rendition> findAll(AssetId asset, int version) {
        return jdbc.sql("SELECT * FROM renditions WHERE asset_id = ? AND version_number = ? ORDER BY name")
                .params(asset.value(), version).query(Renditions::map).list();
    }

    /** Whether a stored rendition (thumbnail, preview, ...) uses the blob. */
    public boolean isUsed(BlobKey blob) {
        return jdbc.sql("SELECT COUNT(*) FROM renditions WHERE blob_key = ?").param(blob.sha256()).query(Long.class).single() > 0;
    }

    private static Rendition map(ResultSet rs, int row) throws SQLException {
        return new Rendition(new AssetId(rs.getObject("asset_id", UUID.class)), rs.getInt("version_number"),
                RenditionKind.fromSlug(rs.getString("name")), RenditionStatus.valueOf(rs.getString("status")),
                Optional.ofNullable(rs.getString("blob_key")).map(BlobKey::new), Optional.ofNullable(rs.getString("media_type")),
                rs.getInt("width"), rs.getInt("height"), Optional.ofNullable(rs.getString("reason")),
                rs.getTimestamp("updated_at").toInstant());
    }
}
