package dev.atelier.asset.internal;

import dev.atelier.asset.Asset;
import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetStatus;
import dev.atelier.asset.AssetVersion;
import dev.atelier.identity.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One row of {@code assets}, before its versions are attached. */
record AssetRow(UUID id, String title, String description, UUID ownerId, String status, long revision, Instant createdAt,
        Instant updatedAt, @Nullable Instant trashedAt, boolean confidential) {

    static AssetRow map(ResultSet rs, int row) throws SQLException {
        Timestamp trashed = rs.getTimestamp("trashed_at");
        return new AssetRow(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("description"),
                rs.getObject("owner_id", UUID.class), rs.getString("status"), rs.getLong("revision"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(),
                trashed == null ? null : trashed.toInstant(), rs.getBoolean("confidential"));
    }

    Asset toAsset(List<AssetVersion> versions) {
        return new Asset(new AssetId(id), title, description, new UserId(ownerId), AssetStatus.valueOf(status), revision,
                createdAt, updatedAt, Optional.ofNullable(trashedAt), versions, confidential);
    }
}
