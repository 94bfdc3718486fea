package dev.atelier.media.internal;

import dev.atelier.media.ExtractedText;
import dev.atelier.media.MediaUnavailableException;
import dev.atelier.media.TextOptions;
import dev.atelier.media.internal.TextFrames.TextRequest;
import dev.atelier.media.internal.TextFrames.TextResponse;
import dev.atelier.storage.BlobContent;
import dev.atelier.storage.BlobKey;
import dev.atelier.storage.BlobStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.springframework.stereotype.Component;

/**
 * Server side of {@link dev.atelier.media.TextExtraction}: documents go to a media worker, images and
 * PDFs without a text layer (scans) to {@link TesseractOcr}.
 */
@Component
public class TextExtractor {

    /** Fewer non-blank characters than this in a PDF's text layer: read its pages by OCR instead. */
    static final int SCAN_BELOW = 32;

    private final BlobStore blobs;
    private final MediaWorkerPool workers;
    private final TesseractOcr ocr;

    TextExtractor(BlobStore blobs, MediaWorkerPool workers, TesseractOcr ocr) {
        this.blobs = blobs;
        this.workers = workers;
        this.ocr = ocr;
    }

    public ExtractedText extract(BlobKey blob, String mediaType, TextOptions options) {
        boolean document = TextTypes.of(mediaType).isPresent();
        if (!document && !mediaType.startsWith("image/")) {
            return new ExtractedText.Unsupported("no text is read from this type (" + mediaType + ")");
        }
        if (!document && !options.ocr()) {
            return new ExtractedText.Unsupported("OCR is switched off");
        }
        BlobContent content = blobs.open(blob).orElseThrow(() -> new MediaUnavailableException("the blob " + blob.sha256() + " is missing"));
        if (content.size() > options.maxInput().toBytes()) {
            return new ExtractedText.Failed("the file is larger (" + (content.size() >> 20) + " MB) than the limit for reading its text ("
                    + options.maxInput().toMegabytes() + " MB)");
        }
        try (JobFiles files = workers.jobFiles("text")) {
            Path input = files.input(content);
            if (!document) {
                return ocr.read(input, mediaType, files.directory(), options);
            }
            ExtractedText found = document(input, mediaType, options);
            if (!scanned(found, mediaType, options)) {
                return found;
            }
            return withScan((ExtractedText.Found) found, ocr.readPages(input, mediaType, files.directory(), options, options.ocrPages()), options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A PDF whose text layer holds (next to) nothing is taken for a scan: its pages are read by OCR.
     * A few characters (a stamped page number, a title in the metadata) do not make a text layer.
     */
    private static boolean scanned(ExtractedText found, String mediaType, TextOptions options) {
        return options.ocr() && options.ocrPages() > 0 && mediaType.equals("application/pdf") && found instanceof ExtractedText.Found f
                && f.text().codePoints().filter(c -> !Character.isWhitespace(c)).count() < SCAN_BELOW;
    }

    /**
     * The few characters a text layer had are kept ahead of what OCR read, so OCR never loses a word
     * the file spelled out; when OCR cannot run, a non-empty text layer is the answer.
     */
    private static ExtractedText withScan(ExtractedText.Found layer, ExtractedText scan, TextOptions options) {
        boolean hasLayer = !layer.text().isBlank();
        if (!(scan instanceof ExtractedText.Found read)) {
            return hasLayer ? layer : scan;
        }
        if (!hasLayer) {
            return read;
        }
        String both = layer.text() + "\n\n" + read.text();
        String kept = TextCleanup.clean(both, options.maxChars());
        return new ExtractedText.Found(kept, ExtractedText.Source.DOCUMENT, read.truncated() || kept.length() < both.length());
    }

    private ExtractedText document(Path input, String mediaType, TextOptions options) {
        var request = new TextRequest(input.toString(), mediaType, options.maxChars());
        TextResponse response = workers.call("text of " + input.getFileName(), (out, in) -> {
            request.write(out);
            return TextResponse.read(in);
        }, problem -> TextResponse.refused(problem.equals(MediaWorkerPool.NOT_STARTED) ? "unavailable" : "failed", problem));
        return switch (response.outcome()) {
            case "ok" -> new ExtractedText.Found(response.text(), ExtractedText.Source.DOCUMENT, response.truncated());
            case "unsupported" -> new ExtractedText.Unsupported(response.message());
            case "unavailable" -> throw new MediaUnavailableException(response.message());
            default -> new ExtractedText.Failed(response.message());
        };
    }
}
