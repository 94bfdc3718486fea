package dev.atelier.media.internal;

import dev.atelier.asset.AssetVersionAdded;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Starts renditions after a version commits. The event publication registry records the
 * delivery, so versions whose renditions were interrupted by a restart are redone.
 * Deliberately not in a transaction: decoding must not hold a database connection.
 */
@Component
class RenditionWorker {

    private final RenditionGenerator generator;

    RenditionWorker(RenditionGenerator generator) {
        this.generator = generator;
    }

    @Async(MediaConfiguration.EXECUTOR)
    @TransactionalEventListener
    void on(AssetVersionAdded event) {
        generator.generate(event);
    }
}
