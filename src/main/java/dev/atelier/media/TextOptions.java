package dev.atelier.media;

import java.time.Duration;
import org.springframework.util.unit.DataSize;

/**
 * Limits and tools for {@link TextExtraction#extract}.
 *
 * @param maxInput files larger than this are not parsed at all
 * @param maxChars characters of text kept; the rest is cut off and the result marked truncated
 * @param ocr whether images are read by OCR
 * @param tesseract the {@code tesseract} executable
 * @param ocrLanguages tesseract's {@code -l} argument, such as {@code eng} or {@code eng+deu}
 * @param ocrTimeout how long one tesseract run may take
 * @param ocrMemory address space one tesseract run may map
 * @param ocrPages pages of a scanned PDF (one without a text layer) read by OCR, from the first
 */
public record TextOptions(DataSize maxInput, int maxChars, boolean ocr, String tesseract, String ocrLanguages, Duration ocrTimeout,
        DataSize ocrMemory, int ocrPages) {

    public TextOptions {
        if (ocrPages < 0) {
            throw new IllegalArgumentException("ocrPages must not be negative");
        }
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be positive");
        }
        if (!ocrLanguages.matches("[A-Za-z_]+(\\+[A-Za-z_]+)*")) {
            throw new IllegalArgumentException("OCR languages are names joined by +, such as eng+deu: " + ocrLanguages);
        }
    }
}
