package dev.atelier.media.internal;

import dev.atelier.storage.BlobKey;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code rendition_cache} table: dynamic renditions by content-addressed key. */
@Repository
class RenditionCache {

    record Entry(String cacheKey, BlobKey source, BlobKey blob, String mediaType, int width, int height) {
    }

    private final JdbcClient jdbc;

    RenditionCache(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Entry> find(String cacheKey) {
        return jdbc.sql("SELECT * FROM rendition_cache WHERE cache_key = ?").param(cacheKey)
                .query((rs, row) -> new Entry(rs.getString("cache_key"), new BlobKey(rs.getString("source_blob")),
                        new BlobKey(rs.getString("blob_key")), rs.getString("media_type"), rs.getInt("width"), rs.getInt("height")))
                .optional();
    }

    /** Records the entry; another server that stored the same key first wins, which is the same content. */
    void put(Entry entry, Instant at) {
        try {
            jdbc.sql("""
                    INSERT INTO rendition_cache (cache_key, source_blob, blob_key, media_type, width, height, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(entry.cacheKey(), entry.source().sha256(), entry.blob().sha256(), entry.mediaType(), entry.width(),
                            entry.height(), Timestamp.from(at))
                    .update();
        } catch (DuplicateKeyException e) {
            // computed twice across servers: same key, same bytes
        }
    }

    void forget(String cacheKey) {
        jdbc.sql("DELETE FROM rendition_cache WHERE cache_key = ?").param(cacheKey).update();
    }
}
