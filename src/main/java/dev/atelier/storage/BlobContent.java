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
}
