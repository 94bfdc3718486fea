package dev.atelier.testsupport;

import dev.atelier.asset.AssetVersionAdded;
import dev.atelier.storage.BlobStore;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;

/**
 * Listens synchronously, inside the transaction that inserts a version row, and records whether
 * the version's blob was already durable at that moment.
 */
@TestComponent
public class BlobPresenceProbe {

    private final BlobStore blobs;
    private final Map<String, Boolean> seen = new ConcurrentHashMap<>();

    BlobPresenceProbe(BlobStore blobs) {
        this.blobs = blobs;
    }

    @EventListener
    void on(AssetVersionAdded event) {
        seen.put(event.assetId() + "/" + event.version(), blobs.exists(event.blobKey()));
    }

    public Boolean blobWasPresentWhenRowWasWritten(String assetId, int version) {
        return seen.get(assetId + "/" + version);
    }
}
