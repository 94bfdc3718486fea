package dev.atelier.storage.internal;

import java.io.Closeable;
import java.io.IOException;

/**
 * Writes the chunks of one staged file, each at its own position, possibly several at once from
 * different threads; only one write per ring slot is in flight at a time.
 */
interface ChunkWriter extends Closeable {

    /** Writes {@code chunk[0, n)} at {@code position}; returns null (a {@code Callable}). */
    Void write(int slot, byte[] chunk, int n, long position) throws IOException;

    /** After the last write has completed: the file is exactly {@code size} bytes and on disk. */
    void finish(long size) throws IOException;
}
