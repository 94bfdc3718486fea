package dev.atelier.media.internal;

import dev.atelier.storage.BlobKey;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * Entries of one source beyond the newest {@code keep}, removed from the table; returns the
     * blobs they pointed at that no remaining entry uses, for the caller to delete.
     */
    List<BlobKey> trim(BlobKey source, int keep) {
        List<String> old = jdbc.sql("SELECT cache_key FROM rendition_cache WHERE source_blob = ? "
                + "ORDER BY created_at DESC, cache_key OFFSET ? ROWS").params(source.sha256(), keep).query(String.class).list();
        List<BlobKey> orphans = new ArrayList<>();
        for (String key : old) {
            Optional<String> blob = jdbc.sql("SELECT blob_key FROM rendition_cache WHERE cache_key = ?").param(key)
                    .query(String.class).optional();
            jdbc.sql("DELETE FROM rendition_cache WHERE cache_key = ?").param(key).update();
            blob.filter(b -> jdbc.sql("SELECT COUNT(*) FROM rendition_cache WHERE blob_key = ?").param(b).query(Long.class).single() == 0)
                    .ifPresent(b -> orphans.add(new BlobKey(b)));
        }
        return orphans;
    }
}
