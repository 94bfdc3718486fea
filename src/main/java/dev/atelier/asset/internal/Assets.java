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
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.ObjLongConsumer;
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
                INSERT INTO assets (id, title, description, owner_id, status, current_version, revision, created_at, updated_at, trashed_at, confidential)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(asset.id().value(), asset.title(), asset.description(), asset.ownerId().value(), asset.status().name(),
                        asset.currentVersion().number(), asset.revision(), ts(asset.createdAt()), ts(asset.updatedAt()),
                        asset.trashedAt().map(Assets::ts).orElse(null), asset.confidential())
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
                UPDATE assets SET title = ?, description = ?, status = ?, current_version = ?, revision = ?, updated_at = ?, trashed_at = ?,
                confidential = ? WHERE id = ? AND revision = ?""")
                .params(asset.title(), asset.description(), asset.status().name(), asset.currentVersion().number(),
                        asset.revision(), ts(asset.updatedAt()), asset.trashedAt().map(Assets::ts).orElse(null),
                        asset.confidential(), asset.id().value(), expectedRevision)
                .update();
        if (rows != 1) {
            throw new StaleWriteException(asset.id(), expectedRevision);
        }
    }

    /**
     * Moves the asset's revision on without touching its fields, for changes kept elsewhere (a
     * review state). No expected revision: a concurrent edit is not refused for it.
     */
    public void bumpRevision(AssetId id, Instant at) {
        jdbc.sql("UPDATE assets SET revision = revision + 1, updated_at = ? WHERE id = ?").params(ts(at), id.value()).update();
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

    /**
     * Assets in a status (or all of them), newest first, after the cursor.
     *
     * @param viewer when present, confidential assets are left out unless this user owns them
     */
    public List<Asset> page(Optional<AssetStatus> status, Optional<Cursor> after, int limit, Optional<UserId> viewer) {
        String where = status.map(s -> "status = :status").orElse("1 = 1")
                + after.map(c -> " AND (created_at < :at OR (created_at = :at AND id < :id))").orElse("")
                + viewer.map(v -> " AND (confidential = FALSE OR owner_id = :viewer)").orElse("");
        var statement = jdbc.sql("SELECT * FROM assets WHERE " + where + " ORDER BY created_at DESC, id DESC FETCH FIRST :limit ROWS ONLY")
                .param("limit", limit);
        if (viewer.isPresent()) {
            statement = statement.param("viewer", viewer.get().value());
        }
        if (status.isPresent()) {
            statement = statement.param("status", status.get().name());
        }
        if (after.isPresent()) {
            statement = statement.param("at", ts(after.get().at())).param("id", after.get().id());
        }
        List<AssetRow> rows = statement.query(AssetRow::map).list();
        Map<UUID, List<AssetVersion>> versions = versionsOf(rows.stream().map(AssetRow::id).toList());
        return rows.stream().map(r -> r.toAsset(versions.getOrDefault(r.id(), List.of()))).toList();
    }

    /** Active assets with a version whose content is this blob, newest first, at most {@code limit}. */
    public List<Asset> holding(BlobKey key, int limit) {
        List<UUID> ids = jdbc.sql("""
                SELECT a.id FROM assets a WHERE a.status = 'ACTIVE'
                AND EXISTS (SELECT 1 FROM asset_versions v WHERE v.asset_id = a.id AND v.blob_key = ?)
                ORDER BY a.created_at DESC FETCH FIRST ? ROWS ONLY""").params(key.sha256(), limit).query(UUID.class).list();
        return ids.stream().map(id -> findById(new AssetId(id))).flatMap(java.util.Optional::stream).toList();
    }

    /** Streams (id, revision) of every asset without holding them all in memory. */
    public void eachRevision(ObjLongConsumer<AssetId> consumer) {
        jdbc.sql("SELECT id, revision FROM assets").withFetchSize(1000).query(rs -> {
            consumer.accept(new AssetId(rs.getObject(1, UUID.class)), rs.getLong(2));
        });
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
