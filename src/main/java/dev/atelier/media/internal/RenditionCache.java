package dev.atelier.media.internal;

import dev.atelier.storage.BlobKey;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code rendition_cache} table: dynamic renditions by content-addressed key. Entries found
 * are also remembered in memory: a key always names the same content, so a remembered entry can
 * only be missing (trimmed, here or by another server), which callers check on the blob anyway.
 */
@Repository
class RenditionCache {

    record Entry(String cacheKey, BlobKey source, BlobKey blob, String mediaType, int width, int height) {
    }

    private static final int REMEMBERED = 10_000;

    private final JdbcClient jdbc;
    private final Map<String, Entry> remembered = new ConcurrentHashMap<>();

    RenditionCache(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Entry> find(String cacheKey) {
        Entry known = remembered.get(cacheKey);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Entry> found = jdbc.sql("SELECT * FROM rendition_cache WHERE cache_key = ?").param(cacheKey)
                .query((rs, row) -> new Entry(rs.getString("cache_key"), new BlobKey(rs.getString("source_blob")),
                        new BlobKey(rs.getString("blob_key")), rs.getString("media_type"), rs.getInt("width"), rs.getInt("height")))
                .optional();
        found.ifPresent(this::remember);
        return found;
    }

    private void remember(Entry entry) {
        if (remembered.size() >= REMEMBERED) {
            // crude but bounded: the hot entries come back on their next request
            remembered.clear();
        }
        remembered.put(entry.cacheKey(), entry);
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
        remember(entry);
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
            remembered.remove(key);
            Optional<String> blob = jdbc.sql("SELECT blob_key FROM rendition_cache WHERE cache_key = ?").param(key)
                    .query(String.class).optional();
            jdbc.sql("DELETE FROM rendition_cache WHERE cache_key = ?").param(key).update();
            blob.filter(b -> jdbc.sql("SELECT COUNT(*) FROM rendition_cache WHERE blob_key = ?").param(b).query(Long.class).single() == 0)
                    .ifPresent(b -> orphans.add(new BlobKey(b)));
        }
        return orphans;
    }
}
