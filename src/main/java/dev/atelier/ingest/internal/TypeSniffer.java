package dev.atelier.ingest.internal;

import dev.atelier.storage.StagedBlob;
import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.Tika;
import org.apache.tika.mime.MimeTypes;
import org.springframework.stereotype.Component;

/**
 * The media type from the content's magic bytes, with the filename only as a tie-breaker. The
 * type the client declares is ignored: it decides how the file is served later. Only Tika's
 * magic and name rules run here: the container detectors that come with its parsers (ZIP, OLE2,
 * Matroska) open the file's structure, and no file is parsed in the server's JVM.
 */
@Component
public class TypeSniffer {

    private final Tika tika = new Tika(MimeTypes.getDefaultMimeTypes());

    public String detect(StagedBlob staged, String filename) {
        try (InputStream in = staged.open()) {
            return tika.detect(in, filename);
        } catch (IOException e) {
            return "application/octet-stream";
        }
    }
}
