package dev.atelier.media;

/** What {@link TextExtraction#extract} found in a file: a closed set of outcomes. */
public sealed interface ExtractedText {

    /** Where text came from: the document's own text layer, or OCR of an image we rendered. */
    enum Source { DOCUMENT, OCR }

    /** @param truncated whether the file held more text than the limit, of which the first part was kept */
    record Found(String text, Source source, boolean truncated) implements ExtractedText {}

    /** No text is read from this kind of file (video, audio, archives). */
    record Unsupported(String reason) implements ExtractedText {}

    /** A tool it needs is not installed here ({@code tesseract} for OCR); not an error. */
    record Unavailable(String reason) implements ExtractedText {}

    /** The file could not be read, for a reason a person can act on (encrypted, damaged, too large, too slow). */
    record Failed(String reason) implements ExtractedText {}
}
