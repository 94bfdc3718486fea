package dev.atelier.media.internal;

import dev.atelier.storage.BlobKey;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code rendition_cache} table: dynamic renditions by content-addressed key. Entries found
 * are also remembered in memory. A key names what was made for a source and parameters; made again
 * after its blob went (trimmed, lost, here or on another server) the bytes may differ (from the
 * stored preview instead of the original, by another libvips), and the entry then names the new
 * blob. Callers check the blob as they open it anyway.
 */
@Repository
class RenditionCache {

    record Entry(String cacheKey, BlobKey source, BlobKey blob, String mediaType, int width, int height) {
    }

    private static final Logger log = LoggerFactory.getLogger(RenditionCache.class);
    private static final int REMEMBERED = 10_000;
    /** Tries at a key other servers keep replacing at the same moment. */
    private static final int PUT_ATTEMPTS = 10;

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

    /**
     * Records what was just made. A row already there for the key (its blob was gone, which is why
     * this was made again; or another server made it meanwhile) is pointed at the new blob, so the
     * next request finds it instead of making it once more. Returns the blob the row named before
     * when no entry names it any longer, for the caller to delete if it still exists. The row is
     * changed only if it still names the blob read a moment before: when two servers replace it at
     * once, each gives back the blob it replaced. Should other servers keep replacing it through
     * every attempt, the row stays theirs and this blob, named by no entry, is left (and logged).
     */
    Optional<BlobKey> put(Entry entry, Instant at) {
        boolean present = !inserted(entry, at);
        for (int attempt = 1; present && attempt <= PUT_ATTEMPTS; attempt++) {
            Optional<String> before = jdbc.sql("SELECT blob_key FROM rendition_cache WHERE cache_key = ?").param(entry.cacheKey())
                    .query(String.class).optional();
            if (before.isEmpty()) {
                // trimmed since: insert it after all
                present = !inserted(entry, at);
                continue;
            }
            int changed = jdbc.sql("UPDATE rendition_cache SET blob_key = ?, media_type = ?, width = ?, height = ? "
                    + "WHERE cache_key = ? AND blob_key = ?")
                    .params(entry.blob().sha256(), entry.mediaType(), entry.width(), entry.height(), entry.cacheKey(), before.get()).update();
            if (changed == 1) {
                remember(entry);
                return before.filter(b -> !b.equals(entry.blob().sha256())).filter(this::unnamed).map(BlobKey::new);
            }
            // another server replaced it between the read and the update: read again
        }
        if (present) {
            log.warn("rendition cache entry {} kept changing under {} attempts; blob {} is named by no entry", entry.cacheKey(),
                    PUT_ATTEMPTS, entry.blob().sha256());
        } else {
            remember(entry);
        }
        return Optional.empty();
    }

    /** Whether the entry went in as a new row; false when one for its key is there already. */
    private boolean inserted(Entry entry, Instant at) {
        try {
            jdbc.sql("""
                    INSERT INTO rendition_cache (cache_key, source_blob, blob_key, media_type, width, height, created_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(entry.cacheKey(), entry.source().sha256(), entry.blob().sha256(), entry.mediaType(), entry.width(),
                            entry.height(), Timestamp.from(at))
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
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
            remembered.remove(key);
            Optional<String> blob = jdbc.sql("SELECT blob_key FROM rendition_cache WHERE cache_key = ?").param(key)
                    .query(String.class).optional();
            jdbc.sql("DELETE FROM rendition_cache WHERE cache_key = ?").param(key).update();
            blob.filter(this::unnamed).ifPresent(b -> orphans.add(new BlobKey(b)));
        }
        return orphans;
    }

    /** Whether no entry names the blob any longer. */
    private boolean unnamed(String blob) {
        return jdbc.sql("SELECT COUNT(*) FROM rendition_cache WHERE blob_key = ?").param(blob).query(Long.class).single() == 0;
    }
}
