package dev.atelier.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/** A committed blob ready to be read; {@link #file()} is present for local backends. */
public interface BlobContent {

    BlobKey key();

    long size();

    InputStream open() throws IOException;

    Optional<Path> file();

    /** The blob as a response body: its file where the store has one (so Range and sendfile work), else a stream. */
    default org.springframework.core.io.Resource asResource() {
        return file().<org.springframework.core.io.Resource>map(org.springframework.core.io.FileSystemResource::new)
                .orElseGet(() -> new org.springframework.core.io.InputStreamResource(this::open));
    }
}
