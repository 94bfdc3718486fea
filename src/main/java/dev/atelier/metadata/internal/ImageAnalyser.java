package dev.atelier.metadata.internal;

import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetManagement;
import dev.atelier.asset.AssetVersion;
import dev.atelier.media.ColourName;
import dev.atelier.media.PixelAnalysisManagement;
import dev.atelier.media.PixelAnalysisOutcome;
import dev.atelier.metadata.DominantColour;
import dev.atelier.metadata.ImageAnalysed;
import dev.atelier.metadata.ImageAnalysis;
import dev.atelier.metadata.ImageAnalysis.Status;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Analyses one version: the media workers do the pixels outside any transaction, then one write and the event. */
@Component
class ImageAnalyser {

    private final AssetManagement assets;
    private final PixelAnalysisManagement pixels;
    private final ImageAnalyses store;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ImageAnalyser(AssetManagement assets, PixelAnalysisManagement pixels, ImageAnalyses store, ApplicationEventPublisher events,
            TransactionTemplate transaction, Clock clock) {
        this.assets = assets;
        this.pixels = pixels;
        this.store = store;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** @throws IllegalStateException when the workers or the file are unavailable for now: the job is tried again */
    void analyse(AssetId id, int number) {
        Optional<AssetVersion> version = assets.find(id).flatMap(a -> a.version(number));
        if (version.isEmpty()) {
            return;
        }
        ImageAnalysis result = switch (pixels.analyse(version.get().blobKey(), version.get().mediaType())) {
            case PixelAnalysisOutcome.Analysed a -> new ImageAnalysis(id, number, Status.ANALYSED, Optional.empty(), a.analysis().width(),
                    a.analysis().height(), colours(a.analysis().colours()), a.analysis().transparent(), a.analysis().hash(),
                    a.analysis().faces(), now());
            case PixelAnalysisOutcome.NotApplicable n -> without(id, number, Status.NOT_APPLICABLE, n.reason());
            case PixelAnalysisOutcome.Failed f -> without(id, number, Status.FAILED, f.reason());
            case PixelAnalysisOutcome.Unavailable u -> throw new IllegalStateException(u.reason());
        };
        record(result);
    }

    /** Records that analysing this version failed for good. */
    void giveUp(AssetId id, int number, String reason) {
        record(without(id, number, Status.FAILED, reason));
    }

    private void record(ImageAnalysis result) {
        transaction.executeWithoutResult(status -> {
            store.save(result);
            events.publishEvent(new ImageAnalysed(result.assetId(), result.version()));
        });
    }

    private ImageAnalysis without(AssetId id, int number, Status status, String reason) {
        return new ImageAnalysis(id, number, status, Optional.of(reason.length() > 2000 ? reason.substring(0, 2000) : reason), 0, 0,
                List.of(), false, 0, ImageAnalysis.NOT_ANALYSED, now());
    }

    private static List<DominantColour> colours(List<ColourName> colours) {
        return colours.stream().map(c -> new DominantColour(c.name(), c.hex(), c.share())).toList();
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
