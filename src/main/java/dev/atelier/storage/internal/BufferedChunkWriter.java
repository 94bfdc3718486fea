package dev.atelier.storage.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes through the page cache, for volumes that refuse O_DIRECT. Written data is flushed in
 * the background every {@link #SYNC_EVERY} bytes, so the final fsync has little left to do.
 */
final class BufferedChunkWriter implements ChunkWriter {

    private static final long SYNC_EVERY = 64L * 1024 * 1024;

    private final FileChannel channel;
    private final AtomicLong unsynced = new AtomicLong();
    private volatile Future<?> syncing;

    BufferedChunkWriter(Path file) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.WRITE);
    }

    @Override
    public Void write(int slot, byte[] chunk, int n, long position) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(chunk, 0, n);
        while (buffer.hasRemaining()) {
            channel.write(buffer, position + buffer.position());
        }
        if (unsynced.addAndGet(n) >= SYNC_EVERY) {
            startSync();
        }
        return null;
    }

    private synchronized void startSync() {
        Future<?> running = syncing;
        if (running == null || running.isDone()) {
            unsynced.set(0);
            syncing = FileSystemBlobStore.HELPERS.submit(() -> {
                channel.force(false);
                return null;
            });
        }
    }

    @Override
    public void finish(long size) throws IOException {
        FileSystemBlobStore.await(syncing);
        channel.force(true);
    }

    @Override
    public void close() throws IOException {
        FileSystemBlobStore.settle(syncing);
        channel.close();
    }
}
