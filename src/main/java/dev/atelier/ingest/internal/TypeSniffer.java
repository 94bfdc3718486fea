package dev.atelier.ingest.internal;

import dev.atelier.storage.StagedBlob;
import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.Tika;
import org.springframework.stereotype.Component;

/**
 * The media type from the content's magic bytes, with the filename only as a tie-breaker. The
 * type the client declares is ignored: it decides how the file is served later.
 */
@Component
public class TypeSniffer {

    private final Tika tika = new Tika();

    public String detect(StagedBlob staged, String filename) {
        try (InputStream in = staged.open()) {
            return tika.detect(in, filename);
        } catch (IOException e) {
            return "application/octet-stream";
        }
    }
}
