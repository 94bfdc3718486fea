package dev.atelier.media.internal;

import dev.atelier.media.MediaProperties;
import dev.atelier.media.PixelAnalysisOutcome;
import dev.atelier.media.PixelAnalysisOutcome.Analysed;
import dev.atelier.media.PixelAnalysisOutcome.Failed;
import dev.atelier.media.PixelAnalysisOutcome.NotApplicable;
import dev.atelier.media.PixelAnalysisOutcome.Unavailable;
import dev.atelier.storage.BlobContent;
import dev.atelier.storage.BlobKey;
import dev.atelier.storage.BlobStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The server side of a pixel analysis: the original as a file, one {@link PixelAnalyser} job on a worker, its answer as an outcome. */
@Component
public class PixelAnalyses {

    private final MediaWorkerPool workers;
    private final BlobStore blobs;
    private final MediaProperties properties;

    PixelAnalyses(MediaWorkerPool workers, BlobStore blobs, MediaProperties properties) {
        this.workers = workers;
        this.blobs = blobs;
        this.properties = properties;
    }

    public PixelAnalysisOutcome analyse(BlobKey blob, String mediaType) {
        Optional<PixelAnalysisOutcome> early = beforeDecoding(mediaType);
        if (early.isPresent()) {
            return early.get();
        }
        Optional<BlobContent> original = blobs.open(blob);
        if (original.isEmpty()) {
            return new Unavailable("the original's blob is missing");
        }
        try (JobFiles files = workers.jobFiles("analysis")) {
            Path input = files.input(original.get());
            var request = WorkerProtocol.RenderRequest.within(properties, input, mediaType, files.directory(), List.of(PixelAnalyser.target()));
            return outcome(workers.analyse(request));
        } catch (IOException e) {
            return new Unavailable("the original could not be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Types no still-image engine takes need no worker job; a worker that cannot start is worth waiting for. */
    private Optional<PixelAnalysisOutcome> beforeDecoding(String mediaType) {
        var capabilities = workers.capabilities();
        if (capabilities.typesByEngine().isEmpty()) {
            return Optional.of(new Unavailable(MediaWorkerPool.NOT_STARTED));
        }
        boolean still = mediaType.startsWith("image/") || mediaType.equals("application/pdf");
        if (!still || !capabilities.types().contains(mediaType)) {
            return Optional.of(new NotApplicable("no pixels to analyse in this type (" + mediaType + ")"));
        }
        return Optional.empty();
    }

    private static PixelAnalysisOutcome outcome(AnalysisResponse response) {
        return switch (response.outcome()) {
            case "ok" -> new Analysed(response.analysis());
            case "unsupported" -> new NotApplicable(response.message());
            case "unavailable" -> new Unavailable(response.message());
            default -> new Failed(response.message());
        };
    }
}
