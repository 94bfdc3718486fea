package dev.atelier.media.internal;

import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetManagement;
import dev.atelier.asset.AssetRestored;
import dev.atelier.asset.AssetTrashed;
import dev.atelier.asset.AssetVersion;
import dev.atelier.asset.AssetVersionAdded;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * {@link AssetManagement#deliverableVersion} remembered in memory for cached signed-URL hits,
 * which would otherwise spend a database query on every request.
 *
 * <p>Kept right in two ways. On this server, the asset events that change the answer (trashed,
 * restored, a new current version) mark it stale as soon as their transaction has committed, in the
 * committing thread, so the request that trashed an asset has returned only after its URLs stopped
 * being served here. Changes made through another server (sharing the database) reach this one
 * only through the second line: nothing is trusted for longer than {@link #TTL}. Review state and
 * edits are not listened to: what a signed URL delivers depends on neither.
 *
 * <p>Marks are counted per stripe of assets rather than removed per entry, so a lookup that read
 * the database just before a change committed cannot put its stale answer back afterwards: it
 * carries the mark it saw before its query, which no longer matches. Only found versions are kept;
 * anything else is asked again (and answered by the controller).
 */
@Component
class DeliverableVersions {

    /** How long another server's trash or new version may take to be seen here. */
    static final Duration TTL = Duration.ofSeconds(2);

    private static final int CURRENT = 0;
    private static final int STRIPES = 1024;
    private static final int REMEMBERED = 10_000;
    private static final long TTL_NANOS = TTL.toNanos();

    private record Lookup(AssetId id, int number) {
    }

    private record Known(AssetVersion version, long mark, long readAt) {
    }

    private final AssetManagement assets;
    private final Map<Lookup, Known> known = new ConcurrentHashMap<>();
    private final AtomicLongArray marks = new AtomicLongArray(STRIPES);

    DeliverableVersions(AssetManagement assets) {
        this.assets = assets;
    }

    /** As {@link AssetManagement#deliverableVersion}, at most {@link #TTL} old and never older than a change committed here. */
    Optional<AssetVersion> find(AssetId id, Optional<Integer> number) {
        Lookup lookup = new Lookup(id, number.orElse(CURRENT));
        long mark = marks.get(stripe(id));
        long now = System.nanoTime();
        Known remembered = known.get(lookup);
        if (remembered != null && remembered.mark() == mark && now - remembered.readAt() < TTL_NANOS) {
            return Optional.of(remembered.version());
        }
        Optional<AssetVersion> found = assets.deliverableVersion(id, number);
        if (found.isPresent()) {
            if (known.size() >= REMEMBERED) {
                // crude but bounded: the hot assets come back on their next request
                known.clear();
            }
            known.put(lookup, new Known(found.get(), mark, now));
        } else {
            known.remove(lookup);
        }
        return found;
    }

    /** Marks what is remembered of the asset stale. */
    void changed(AssetId id) {
        marks.incrementAndGet(stripe(id));
    }

    /**
     * The asset events that change what {@link #find} answers, once committed. A bean of its own:
     * listener beans are proxied (to record the events' delivery), and {@link #find} runs on every
     * cached image request.
     */
    @Component
    static class Changes {

        private final DeliverableVersions versions;

        Changes(DeliverableVersions versions) {
            this.versions = versions;
        }

        @TransactionalEventListener(fallbackExecution = true)
        void on(AssetTrashed event) {
            versions.changed(event.assetId());
        }

        @TransactionalEventListener(fallbackExecution = true)
        void on(AssetRestored event) {
            versions.changed(event.assetId());
        }

        @TransactionalEventListener(fallbackExecution = true)
        void on(AssetVersionAdded event) {
            versions.changed(event.assetId());
        }
    }

    private static int stripe(AssetId id) {
        return id.hashCode() & (STRIPES - 1);
    }
}
