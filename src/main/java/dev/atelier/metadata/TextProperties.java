package dev.atelier.metadata;

import dev.atelier.media.TextOptions;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Text extraction for full-text search (documents by Apache Tika in the media workers, which
 * also bound it by {@code atelier.media.job-timeout}; images by OCR).
 *
 * @param maxInput files larger than this are not parsed; their text status says why
 * @param maxChars characters kept per version; longer text is cut and marked truncated
 * @param ocr whether images are read by OCR when {@code tesseract} is installed
 * @param tesseract the {@code tesseract} executable; without it images say "OCR unavailable"
 * @param ocrLanguages tesseract language packs to use, joined by {@code +} ({@code eng+deu})
 * @param ocrTimeout how long OCR of one image may take
 * @param ocrMemory address space one tesseract run may map
 * @param ocrPages pages of a scanned PDF (no text layer) read by OCR, from the first; 0 reads none
 */
@ConfigurationProperties("atelier.metadata.text")
public record TextProperties(@DefaultValue("100MB") DataSize maxInput, @DefaultValue("1000000") int maxChars,
        @DefaultValue("true") boolean ocr, @DefaultValue("tesseract") String tesseract, @DefaultValue("eng") String ocrLanguages,
        @DefaultValue("2m") Duration ocrTimeout, @DefaultValue("2GB") DataSize ocrMemory,
        @DefaultValue("20") int ocrPages) {

    public TextOptions options() {
        return new TextOptions(maxInput, maxChars, ocr, tesseract, ocrLanguages, ocrTimeout, ocrMemory, ocrPages);
    }
}
