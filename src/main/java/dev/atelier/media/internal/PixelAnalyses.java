package dev.atelier.media.internal;

import dev.atelier.media.FaceCount;
import dev.atelier.media.FaceDetection;
import dev.atelier.media.MediaProperties;
import dev.atelier.media.PixelAnalysis;
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
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The server side of a pixel analysis: the original as a file, one {@link PixelAnalyser} job on a
 * worker (counting faces too when {@link FaceDetections} says the workers can), its answer as an outcome.
 */
@Component
public class PixelAnalyses {

    private final MediaWorkerPool workers;
    private final BlobStore blobs;
    private final MediaProperties properties;
    private final FaceDetections faces;

    PixelAnalyses(MediaWorkerPool workers, BlobStore blobs, MediaProperties properties, FaceDetections faces) {
        this.workers = workers;
        this.blobs = blobs;
        this.properties = properties;
        this.faces = faces;
    }

    /** Whether faces are counted, or why not. */
    public FaceDetection faceDetection() {
        return faces.status();
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
            FaceDetector.Options counting = faces.options();
            var render = WorkerProtocol.RenderRequest.within(properties, input, mediaType, files.directory(), AnalysisRequest.targets(counting));
            return outcome(workers.analyse(new AnalysisRequest(render, counting)), counting);
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

    private PixelAnalysisOutcome outcome(AnalysisResponse response, FaceDetector.Options counting) {
        return switch (response.outcome()) {
            case "ok" -> new Analysed(counting.off() ? withoutFaces(response.analysis()) : response.analysis());
            case "unsupported" -> new NotApplicable(response.message());
            case "unavailable" -> new Unavailable(response.message());
            default -> new Failed(response.message());
        };
    }

    /** Faces were not asked for: the count is unknown for the reason the System page gives. */
    private PixelAnalysis withoutFaces(PixelAnalysis a) {
        return new PixelAnalysis(a.width(), a.height(), a.colours(), a.transparent(), a.hash(),
                new FaceCount.Unavailable(faces.status().detail()));
    }
}
