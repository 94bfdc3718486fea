package dev.atelier.metadata;

import dev.atelier.shared.ProblemException;
import java.net.URI;

/** exiftool is not installed or could not write; a 503 problem. The plain download still works. */
public class MetadataUnavailableException extends ProblemException {

    public MetadataUnavailableException(String detail) {
        super(503, URI.create("/problems/metadata-unavailable"), "Metadata cannot be written", detail);
    }
}
