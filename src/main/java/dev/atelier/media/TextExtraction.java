package dev.atelier.media;

import dev.atelier.media.internal.TextExtractor;
import dev.atelier.storage.BlobKey;
import org.springframework.stereotype.Service;

/**
 * Text of a file for search: the text layer of PDFs, Office and OpenDocument files, RTF and plain
 * text (Apache Tika, inside a media worker process), or OCR of images ({@code tesseract} in a
 * bounded subprocess, on an image a worker rendered, never on the uploaded file itself).
 */
@Service
public class TextExtraction {

    private final TextExtractor extractor;

    TextExtraction(TextExtractor extractor) {
        this.extractor = extractor;
    }

    /**
     * Reads the blob's text; slow (seconds), call it outside any transaction.
     *
     * @param mediaType the sniffed type, which picks the parser
     * @throws MediaUnavailableException when no media worker could be started; try again later
     */
    public ExtractedText extract(BlobKey blob, String mediaType, TextOptions options) {
        return extractor.extract(blob, mediaType, options);
    }

}
