package dev.atelier.metadata.internal;

/** The file's metadata could not be read; the version keeps the reason and everything else works. */
public class UnreadableMetadataException extends java.io.IOException {
    public UnreadableMetadataException(String reason) {
        super(reason);
    }
}
