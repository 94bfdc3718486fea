package dev.atelier.asset.internal;

import dev.atelier.asset.Asset;
import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetStatus;
import dev.atelier.asset.AssetVersion;
import dev.atelier.asset.StaleWriteException;
import dev.atelier.identity.UserId;
import dev.atelier.shared.Cursor;
import dev.atelier.storage.BlobKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code assets} and {@code asset_versions} tables. */
@Repository
public class Assets {

    private final JdbcClient jdbc;

    Assets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Asset asset) {
        jdbc.sql("""
                INSERT INTO assets (id, title, description, owner_id, status, current_version, revision, created_at, updated_at, trashed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(asset.id().value(), asset.title(), asset.description(), asset.ownerId().value(), asset.status().name(),
                        asset.currentVersion().number(), asset.revision(), ts(asset.createdAt()), ts(asset.updatedAt()),
                        asset.trashedAt().map(Assets::ts).orElse(null))
                .update();
        asset.versions().forEach(v -> insertVersion(asset.id(), v));
    }

    public void insertVersion(AssetId id, AssetVersion v) {
        jdbc.sql("""
                INSERT INTO asset_versions (asset_id, number, blob_key, size, media_type, original_filename, uploaded_by, uploaded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id.value(), v.number(), v.blobKey().sha256(), v.size(), v.mediaType(), v.originalFilename(),
                        v.uploadedBy().value(), ts(v.uploadedAt()))
                .update();
    }

    /**
     * Writes the asset's fields when it is still at {@code expectedRevision}.
     *
     * @throws StaleWriteException when another writer got there first
     */
    public void update(Asset asset, long expectedRevision) {
        int rows = jdbc.sql("""
                UPDATE assets SET title = ?, description = ?, status = ?, current_version = ?, revision = ?, updated_at = ?, trashed_at = ?
                WHERE id = ? AND revision = ?""")
                .params(asset.title(), asset.description(), asset.status().name(), asset.currentVersion().number(),
                        asset.revision(), ts(asset.updatedAt()), asset.trashedAt().map(Assets::ts).orElse(null),
                        asset.id().value(), expectedRevision)
                .update();
        if (rows != 1) {
            throw new StaleWriteException(asset.id(), expectedRevision);
        }
    }

    public Optional<Asset> findById(AssetId id) {
        return jdbc.sql("SELECT * FROM assets WHERE id = ?").param(id.value()).query(AssetRow::map).optional()
                .map(row -> row.toAsset(versionsOf(List.of(id.value())).getOrDefault(id.value(), List.of())));
    }

    /**
     * One version of an asset in the given status, the numbered one or else the current one: a
     * single row through both primary keys, without loading the aggregate (signed delivery URLs
     * ask this on every request).
     */
    public Optional<AssetVersion> findVersion(AssetId id, AssetStatus status, Optional<Integer> number) {
        String join = number.isPresent() ? "v.number = ?" : "v.number = a.current_version";
        var statement = jdbc.sql("SELECT v.* FROM assets a JOIN asset_versions v ON v.asset_id = a.id AND " + join
                + " WHERE a.id = ? AND a.status = ?");
        if (number.isPresent()) {
            statement = statement.param(number.get());
        }
        return statement.param(id.value()).param(status.name()).query((rs, row) -> mapVersion(rs)).optional();
    }

    /** Assets in a status, newest first, after the cursor. */
    public List<Asset> page(AssetStatus status, Optional<Cursor> after, int limit) {
        List<AssetRow> rows = after
                .map(c -> jdbc.sql("""
                        SELECT * FROM assets WHERE status = ? AND (created_at < ? OR (created_at = ? AND id < ?))
                        ORDER BY created_at DESC, id DESC FETCH FIRST ? ROWS ONLY""")
                        .params(status.name(), ts(c.at()), ts(c.at()), c.id(), limit))
                .orElseGet(() -> jdbc.sql("SELECT * FROM assets WHERE status = ? ORDER BY created_at DESC, id DESC FETCH FIRST ? ROWS ONLY")
                        .params(status.name(), limit))
                .query(AssetRow::map).list();
        Map<UUID, List<AssetVersion>> versions = versionsOf(rows.stream().map(AssetRow::id).toList());
        return rows.stream().map(r -> r.toAsset(versions.getOrDefault(r.id(), List.of()))).toList();
    }

    private Map<UUID, List<AssetVersion>> versionsOf(List<UUID> ids) {
        Map<UUID, List<AssetVersion>> byAsset = new HashMap<>();
        if (ids.isEmpty()) {
            return byAsset;
        }
        jdbc.sql("SELECT * FROM asset_versions WHERE asset_id IN (:ids) ORDER BY asset_id, number").param("ids", ids)
                .query((rs, n) -> {
                    byAsset.computeIfAbsent(rs.getObject("asset_id", UUID.class), k -> new ArrayList<>()).add(mapVersion(rs));
                    return null;
                }).list();
        return byAsset;
    }

    private static AssetVersion mapVersion(ResultSet rs) throws SQLException {
        return new AssetVersion(rs.getInt("number"), new BlobKey(rs.getString("blob_key")), rs.getLong("size"),
                rs.getString("media_type"), rs.getString("original_filename"), new UserId(rs.getObject("uploaded_by", UUID.class)),
                rs.getTimestamp("uploaded_at").toInstant());
    }

    static Timestamp ts(java.time.Instant instant) {
        return Timestamp.from(instant);
    }
}
