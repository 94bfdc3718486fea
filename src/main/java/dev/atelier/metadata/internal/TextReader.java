package dev.atelier.metadata.internal;

import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetManagement;
import dev.atelier.asset.AssetVersion;
import dev.atelier.media.ExtractedText;
import dev.atelier.media.TextExtraction;
import dev.atelier.metadata.TextExtracted;
import dev.atelier.metadata.TextProperties;
import dev.atelier.metadata.VersionText;
import dev.atelier.metadata.VersionText.Source;
import dev.atelier.metadata.VersionText.Status;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads one version's text through the media workers, outside any transaction, then one write and {@link TextExtracted}. */
@Component
class TextReader {

    private static final Logger log = LoggerFactory.getLogger(TextReader.class);

    private final AssetManagement assets;
    private final TextExtraction extraction;
    private final TextProperties properties;
    private final TextStore store;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    TextReader(AssetManagement assets, TextExtraction extraction, TextProperties properties, TextStore store,
            ApplicationEventPublisher events, TransactionTemplate transaction, Clock clock) {
        this.assets = assets;
        this.extraction = extraction;
        this.properties = properties;
        this.store = store;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** @throws dev.atelier.media.MediaUnavailableException when no media worker runs; the job is tried again */
    void read(AssetId id, int number) {
        Optional<AssetVersion> version = assets.find(id).flatMap(a -> a.version(number));
        if (version.isEmpty() || store.find(id, number).isPresent()) {
            return;
        }
        ExtractedText found = extraction.extract(version.get().blobKey(), version.get().mediaType(), properties.options());
        if (found instanceof ExtractedText.Failed failed) {
            log.warn("No text for {} v{}: {}", id, number, failed.reason());
        }
        save(of(id, number, found));
    }

    /** Records that reading this version's text failed for good. */
    void giveUp(AssetId id, int number, String reason) {
        save(new VersionText(id, number, Status.FAILED, Optional.empty(), "", false, Optional.of(reason), Instant.now(clock)));
    }

    private void save(VersionText text) {
        transaction.executeWithoutResult(status -> {
            store.save(text);
            events.publishEvent(new TextExtracted(text.assetId(), text.version()));
        });
    }

    private VersionText of(AssetId id, int number, ExtractedText found) {
        Instant now = Instant.now(clock);
        return switch (found) {
            case ExtractedText.Found f -> new VersionText(id, number, Status.EXTRACTED,
                    Optional.of(f.source() == ExtractedText.Source.OCR ? Source.OCR : Source.DOCUMENT), f.text(), f.truncated(), Optional.empty(), now);
            case ExtractedText.Unsupported u -> without(id, number, Status.UNSUPPORTED, u.reason(), now);
            case ExtractedText.Unavailable u -> without(id, number, Status.UNAVAILABLE, u.reason(), now);
            case ExtractedText.Failed f -> without(id, number, Status.FAILED, f.reason(), now);
        };
    }

    private static VersionText without(AssetId id, int number, Status status, String reason, Instant at) {
        return new VersionText(id, number, status, Optional.empty(), "", false, Optional.of(reason), at);
    }
}
