package dev.atelier.storage;

import java.io.InputStream;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Content that has been streamed to durable temporary storage and hashed, but is not yet part
 * of the store. The caller inspects it (digest, size, type) and then either {@link #commit()}s
 * it or closes it, which discards it. Closing after a commit does nothing.
 */
public interface StagedBlob extends AutoCloseable {

    /** The key the content will have once committed. */
    BlobKey key();

    long size();

    /** Reads the staged bytes, e.g. to sniff the type, before deciding to keep them. */
    InputStream open() throws IOException;

    /** A local file holding the staged bytes, for tools that want a path; valid until close. */
    Path path();

    /** Makes the content durable under {@link #key()}; idempotent when the key already exists. */
    BlobKey commit();

    /** Discards the content unless it was committed. */
    @Override
    void close();
}
