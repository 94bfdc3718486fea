package dev.atelier.metadata.internal;

import dev.atelier.asset.AssetId;
import dev.atelier.metadata.AssetTags;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code asset_tags} table: the free tags of each asset, one row per tag. */
@Repository
public class AssetTagStore {

    private final JdbcClient jdbc;

    AssetTagStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The asset's tags in their own spelling, alphabetically. */
    public List<String> tags(AssetId asset) {
        return jdbc.sql("SELECT tag FROM asset_tags WHERE asset_id = ? ORDER BY tag_key").param(asset.value()).query(String.class).list();
    }

    /** Adds the tag unless the asset has it already (in any spelling); whether it was added. */
    public boolean add(AssetId asset, String tag) {
        String key = AssetTags.key(tag);
        int held = jdbc.sql("SELECT COUNT(*) FROM asset_tags WHERE asset_id = ? AND tag_key = ?").params(asset.value(), key)
                .query(Integer.class).single();
        if (held > 0) {
            return false;
        }
        jdbc.sql("INSERT INTO asset_tags (asset_id, tag_key, tag) VALUES (?, ?, ?)").params(asset.value(), key, tag).update();
        return true;
    }

    /** Removes the tag in any spelling; whether the asset had it. */
    public boolean remove(AssetId asset, String tag) {
        return jdbc.sql("DELETE FROM asset_tags WHERE asset_id = ? AND tag_key = ?").params(asset.value(), AssetTags.key(tag)).update() > 0;
    }
}
