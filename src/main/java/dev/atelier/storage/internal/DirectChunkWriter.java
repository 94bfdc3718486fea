package dev.atelier.storage.internal;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes around the page cache (O_DIRECT): each chunk is copied into a block-aligned native
 * buffer of its slot and goes from there to the disk. A gigabyte upload then costs neither the
 * kernel's page-cache copies nor a long write-back in the final fsync, and does not push other
 * files out of the cache. The last chunk is padded to a whole block and the file truncated to
 * its real size in {@link #finish}.
 */
final class DirectChunkWriter implements ChunkWriter {

    private final FileChannel channel;
    private final int block;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment[] buffers = new MemorySegment[FileSystemBlobStore.RING];

    /** @param block the volume's block size: positions, lengths and buffer addresses align to it */
    DirectChunkWriter(Path file, int block) throws IOException {
        this.block = block;
        try {
            this.channel = FileChannel.open(file, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT);
        } catch (IOException | RuntimeException e) {
            arena.close();
            throw e;
        }
    }

    @Override
    public Void write(int slot, byte[] chunk, int n, long position) throws IOException {
        if (position % block != 0) {
            throw new IOException("unaligned direct write at " + position);
        }
        int length = (n + block - 1) / block * block;
        MemorySegment buffer = buffers[slot];
        if (buffer == null || buffer.byteSize() < length) {
            buffer = arena.allocate(length, block);
            buffers[slot] = buffer;
        }
        MemorySegment.copy(chunk, 0, buffer, ValueLayout.JAVA_BYTE, 0, n);
        if (length > n) {
            buffer.asSlice(n, length - n).fill((byte) 0);
        }
        ByteBuffer out = buffer.asSlice(0, length).asByteBuffer();
        while (out.hasRemaining()) {
            channel.write(out, position + out.position());
        }
        return null;
    }

    @Override
    public void finish(long size) throws IOException {
        if (channel.size() > size) {
            channel.truncate(size);
        }
        channel.force(true);
    }

    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            arena.close();
        }
    }
}
