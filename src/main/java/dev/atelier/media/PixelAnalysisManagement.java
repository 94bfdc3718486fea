package dev.atelier.media;

import dev.atelier.media.internal.PixelAnalyses;
import dev.atelier.storage.BlobKey;
import org.springframework.stereotype.Service;

/**
 * Analyses the pixels of a stored file (dominant colours, transparency, dimensions, perceptual
 * hash, faces where a detector is installed) in a media worker process; the server's JVM never decodes the file. Blocks until a worker
 * answered; call it from a background job, never inside a database transaction.
 */
@Service
public class PixelAnalysisManagement {

    private final PixelAnalyses analyses;

    PixelAnalysisManagement(PixelAnalyses analyses) {
        this.analyses = analyses;
    }

    /**
     * @param mediaType the type sniffed at upload; types without pixels give {@link PixelAnalysisOutcome.NotApplicable}
     * @return never throws for a bad file: refusals come back as {@link PixelAnalysisOutcome.Failed}
     */
    public PixelAnalysisOutcome analyse(BlobKey blob, String mediaType) {
        return analyses.analyse(blob, mediaType);
    }

    /**
     * Whether analyses count faces here, or why not. Asked of a media worker on first use, then
     * remembered until the server restarts; while no worker can be asked the answer is
     * unavailable and nothing is remembered.
     */
    public FaceDetection faceDetection() {
        return analyses.faceDetection();
    }
}
