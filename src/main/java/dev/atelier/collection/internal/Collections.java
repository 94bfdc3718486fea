package dev.atelier.collection.internal;

import dev.atelier.asset.AssetId;
import dev.atelier.collection.AssetCollection;
import dev.atelier.identity.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code collections} and {@code collection_assets} tables. */
@Repository
public class Collections {

    private final JdbcClient jdbc;

    Collections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(AssetCollection c) {
        jdbc.sql("INSERT INTO collections (id, name, kind, parent_id, query, owner_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(c.id(), c.name(), c.kind().name(), c.parent().orElse(null), c.query().orElse(null), c.owner().value(),
                        Timestamp.from(c.createdAt()))
                .update();
    }

    public void update(AssetCollection c) {
        jdbc.sql("UPDATE collections SET name = ?, parent_id = ?, query = ? WHERE id = ?")
                .params(c.name(), c.parent().orElse(null), c.query().orElse(null), c.id()).update();
    }

    public void delete(UUID id) {
        jdbc.sql("DELETE FROM collection_assets WHERE collection_id = ?").param(id).update();
        jdbc.sql("DELETE FROM collections WHERE id = ?").param(id).update();
    }

    public Optional<AssetCollection> find(UUID id) {
        return jdbc.sql("SELECT * FROM collections WHERE id = ?").param(id).query(Collections::map).optional();
    }

    public List<AssetCollection> all() {
        return jdbc.sql("SELECT * FROM collections ORDER BY LOWER(name), id").query(Collections::map).list();
    }

    public List<AssetCollection> children(UUID parent) {
        return jdbc.sql("SELECT * FROM collections WHERE parent_id = ? ORDER BY LOWER(name)").param(parent).query(Collections::map).list();
    }

    /** @return whether the asset was not in the collection before */
    public boolean add(UUID collection, AssetId asset, UserId by, Instant at) {
        if (contains(collection, asset)) {
            return false;
        }
        jdbc.sql("INSERT INTO collection_assets (collection_id, asset_id, added_by, added_at) VALUES (?, ?, ?, ?)")
                .params(collection, asset.value(), by.value(), Timestamp.from(at)).update();
        return true;
    }

    public boolean remove(UUID collection, AssetId asset) {
        return jdbc.sql("DELETE FROM collection_assets WHERE collection_id = ? AND asset_id = ?").params(collection, asset.value()).update() == 1;
    }

    public boolean contains(UUID collection, AssetId asset) {
        return jdbc.sql("SELECT COUNT(*) FROM collection_assets WHERE collection_id = ? AND asset_id = ?")
                .params(collection, asset.value()).query(Long.class).single() > 0;
    }

    /** Collections the asset is directly in. */
    public List<AssetCollection> of(AssetId asset) {
        return jdbc.sql("""
                SELECT c.* FROM collections c JOIN collection_assets m ON m.collection_id = c.id
                WHERE m.asset_id = ? ORDER BY LOWER(c.name)""").param(asset.value()).query(Collections::map).list();
    }

    /** Members, newest addition first. */
    public List<AssetId> members(UUID collection, int offset, int limit) {
        return jdbc.sql("SELECT asset_id FROM collection_assets WHERE collection_id = ? ORDER BY added_at DESC, asset_id OFFSET ? ROWS FETCH FIRST ? ROWS ONLY")
                .params(collection, offset, limit).query((rs, n) -> new AssetId(rs.getObject(1, UUID.class))).list();
    }

    public long count(UUID collection) {
        return jdbc.sql("SELECT COUNT(*) FROM collection_assets WHERE collection_id = ?").param(collection).query(Long.class).single();
    }

    private static AssetCollection map(ResultSet rs, int row) throws SQLException {
        return new AssetCollection(rs.getObject("id", UUID.class), rs.getString("name"), AssetCollection.Kind.valueOf(rs.getString("kind")),
                Optional.ofNullable(rs.getObject("parent_id", UUID.class)), Optional.ofNullable(rs.getString("query")),
                new UserId(rs.getObject("owner_id", UUID.class)), rs.getTimestamp("created_at").toInstant());
    }
}
