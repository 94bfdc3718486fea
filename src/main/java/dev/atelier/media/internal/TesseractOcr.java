package dev.atelier.media.internal;

import dev.atelier.media.ExtractedText;
import dev.atelier.media.MediaProperties;
import dev.atelier.media.MediaUnavailableException;
import dev.atelier.media.TextOptions;
import dev.atelier.media.internal.WorkerProtocol.RenderRequest;
import dev.atelier.media.internal.WorkerProtocol.RenderResponse;
import dev.atelier.media.internal.WorkerProtocol.Target;
import dev.atelier.shared.process.BoundedProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * OCR of an image: a media worker first renders it to a PNG (decoded under the workers' limits,
 * orientation applied, at most {@link #EDGE} pixels a side), then {@code tesseract} reads that PNG
 * in a subprocess bounded in time and memory. The uploaded file never reaches tesseract.
 */
@Component
class TesseractOcr {

    static final int EDGE = 2400;

    private final MediaWorkerPool workers;
    private final MediaProperties limits;

    TesseractOcr(MediaWorkerPool workers, MediaProperties limits) {
        this.workers = workers;
        this.limits = limits;
    }

    ExtractedText read(Path input, String mediaType, Path work, TextOptions options) throws IOException {
        if (!BoundedProcess.installed(options.tesseract())) {
            return new ExtractedText.Unavailable("tesseract is not installed on the server");
        }
        var capabilities = workers.capabilities();
        if (capabilities.typesByEngine().isEmpty()) {
            throw new MediaUnavailableException(MediaWorkerPool.NOT_STARTED);
        }
        if (!capabilities.types().contains(mediaType)) {
            return new ExtractedText.Unsupported("no image of this type can be made for OCR (" + mediaType + ")");
        }
        var target = new Target("ocr", EDGE, EDGE, "inside", "center", "png", 0);
        RenderResponse rendered = workers.render(RenderRequest.within(limits, input, mediaType, work, List.of(target)));
        switch (rendered.outcome()) {
            case "ok" -> { }
            case "unavailable" -> throw new MediaUnavailableException(rendered.message());
            case "unsupported" -> {
                return new ExtractedText.Unsupported(rendered.message());
            }
            default -> {
                return new ExtractedText.Failed("the image could not be prepared for OCR: " + rendered.message());
            }
        }
        Path image = WorkerProtocol.insideOf(work, rendered.outputs().getFirst().path());
        // UTF-8 needs up to four bytes a character; TextCleanup cuts to the character limit after
        DataSize maxOutput = DataSize.ofBytes(4L * options.maxChars() + 4);
        BoundedProcess.Result result;
        try {
            result = BoundedProcess.run(List.of(options.tesseract(), image.toString(), "stdout", "-l", options.ocrLanguages()),
                    options.ocrTimeout(), options.ocrMemory(), maxOutput);
        } catch (BoundedProcess.TimedOutException e) {
            return new ExtractedText.Failed(e.getMessage());
        }
        if (result.exitCode() != 0) {
            return new ExtractedText.Failed("tesseract failed (exit " + result.exitCode() + "): " + result.stderrTail());
        }
        String text = result.stdoutText();
        String kept = TextCleanup.clean(text, options.maxChars());
        boolean truncated = result.truncated() || kept.length() < TextCleanup.clean(text, Integer.MAX_VALUE).length();
        return new ExtractedText.Found(kept, ExtractedText.Source.OCR, truncated);
    }
}
