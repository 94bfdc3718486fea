package dev.atelier.media.internal;

import dev.atelier.media.ExtractedText;
import dev.atelier.media.MediaProperties;
import dev.atelier.media.MediaUnavailableException;
import dev.atelier.media.TextOptions;
import dev.atelier.media.internal.WorkerProtocol.RenderRequest;
import dev.atelier.media.internal.WorkerProtocol.RenderResponse;
import dev.atelier.media.internal.WorkerProtocol.Target;
import dev.atelier.media.internal.WorkerProtocol.Transform;
import dev.atelier.shared.process.BoundedProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * OCR of an image or of a scanned document's pages: a media worker first renders each to a PNG
 * (decoded under the workers' limits, orientation applied, at most {@link #EDGE} pixels a side),
 * then {@code tesseract} reads that PNG in a subprocess bounded in time and memory. The uploaded
 * file never reaches tesseract.
 */
@Component
class TesseractOcr {

    static final int EDGE = 2400;
    /**
     * tesseract's OpenMP threads spin while they wait for each other: on a photo they cost ~10 %
     * more CPU than one thread, on a small text image twice as much, for no gain on a server that
     * runs several jobs at once anyway.
     */
    private static final Transform GREY = new Transform(0, 0, 0, 0, 0, false, "gray");
    private static final Map<String, String> ONE_THREAD = Map.of("OMP_THREAD_LIMIT", "1");

    private final MediaWorkerPool workers;
    private final MediaProperties limits;

    TesseractOcr(MediaWorkerPool workers, MediaProperties limits) {
        this.workers = workers;
        this.limits = limits;
    }

    ExtractedText read(Path input, String mediaType, Path work, TextOptions options) throws IOException {
        return readPages(input, mediaType, work, options, 1);
    }

    /**
     * OCR of the first {@code maxPages} pages of a document or multi-page image, page by page:
     * scanned PDFs carry their words as pictures only. The texts join with a blank line between pages.
     */
    ExtractedText readPages(Path input, String mediaType, Path work, TextOptions options, int maxPages) throws IOException {
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
        RenderResponse first = workers.renderForEnrichment(RenderRequest.within(limits, input, mediaType, work, List.of(page(0))));
        List<Path> images = new ArrayList<>();
        ExtractedText refused = refusal(first);
        if (refused != null) {
            return refused;
        }
        images.add(WorkerProtocol.insideOf(work, first.outputs().getFirst().path()));
        int pages = Math.min(maxPages, Integer.parseInt(first.facts().getOrDefault("pages", "1")));
        if (pages > 1) {
            List<Target> rest = IntStream.range(1, pages).mapToObj(TesseractOcr::page).toList();
            RenderResponse others = workers.renderForEnrichment(RenderRequest.within(limits, input, mediaType, work, rest));
            refused = refusal(others);
            if (refused != null) {
                return refused;
            }
            for (var output : others.outputs()) {
                images.add(WorkerProtocol.insideOf(work, output.path()));
            }
        }
        StringBuilder text = new StringBuilder();
        boolean truncated = false;
        for (Path image : images) {
            if (text.length() >= options.maxChars()) {
                truncated = true;
                break;
            }
            // UTF-8 needs up to four bytes a character; TextCleanup cuts to the character limit after
            DataSize maxOutput = DataSize.ofBytes(4L * (options.maxChars() - text.length()) + 4);
            BoundedProcess.Result result;
            try {
                result = BoundedProcess.run(BoundedProcess.niced(List.of(options.tesseract(), image.toString(), "stdout", "-l", options.ocrLanguages())),
                        ONE_THREAD, options.ocrTimeout(), options.ocrMemory(), maxOutput, work);
            } catch (BoundedProcess.TimedOutException e) {
                return new ExtractedText.Failed(e.getMessage());
            }
            if (result.exitCode() != 0) {
                return new ExtractedText.Failed("tesseract failed (exit " + result.exitCode() + "): " + result.stderrTail());
            }
            truncated |= result.truncated();
            text.append(text.isEmpty() ? "" : "\n\n").append(result.stdoutText());
        }
        String kept = TextCleanup.clean(text.toString(), options.maxChars());
        truncated |= kept.length() < TextCleanup.clean(text.toString(), Integer.MAX_VALUE).length();
        return new ExtractedText.Found(kept, ExtractedText.Source.OCR, truncated);
    }

    private static Target page(int zeroBased) {
        // enlarged too: a PDF page is 612 points wide, far too coarse for OCR at one pixel a point; in grey, which is what
        // tesseract reads anyway: a third of the PNG to encode (0.29 against 0.49 CPU-s for a 2400 px photo)
        return new Target("ocr-" + (zeroBased + 1), EDGE, EDGE, "enlarge", "center", "png", 0, GREY.onPage(zeroBased));
    }

    /** What to report when the worker could not make the images; null when it did. */
    private static ExtractedText refusal(RenderResponse rendered) {
        return switch (rendered.outcome()) {
            case "ok" -> null;
            case "unavailable" -> throw new MediaUnavailableException(rendered.message());
            case "unsupported" -> new ExtractedText.Unsupported(rendered.message());
            default -> new ExtractedText.Failed("the image could not be prepared for OCR: " + rendered.message());
        };
    }
}
