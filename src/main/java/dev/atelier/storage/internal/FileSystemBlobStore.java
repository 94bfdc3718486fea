package dev.atelier.storage.internal;

import dev.atelier.storage.BlobContent;
import dev.atelier.storage.BlobKey;
import dev.atelier.storage.BlobStore;
import dev.atelier.storage.BlobTooLargeException;
import dev.atelier.storage.StagedBlob;
import dev.atelier.storage.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Blobs as files under {@code root/ab/cd/<sha256>}. A write streams into {@code root/tmp} (same
 * volume) while hashing, is fsynced, and on commit is renamed atomically into place and its
 * directory fsynced. A crash leaves at worst a stray temp file, never a partial blob.
 */
public class FileSystemBlobStore implements BlobStore {

    private static final int FIRST_CHUNK = 64 * 1024;
    private static final int MAX_CHUNK = 1024 * 1024;
    static final int RING = 4;
    static final ExecutorService HELPERS = Executors.newVirtualThreadPerTaskExecutor();

    private final Path root;
    private final Path tmp;
    /** Block size of O_DIRECT writes into {@link #tmp}; 0 = write through the page cache. */
    private final int directBlockSize;

    /** A store that writes around the page cache (O_DIRECT) where the volume allows it. */
    public FileSystemBlobStore(Path root) {
        this(root, true);
    }

    /**
     * @param directWrites whether to try O_DIRECT writes: big uploads then cost no page-cache
     *     copies and no write-back afterwards; falls back to buffered writes where unsupported
     */
    public FileSystemBlobStore(Path root, boolean directWrites) {
        this.root = root.toAbsolutePath().normalize();
        this.tmp = this.root.resolve("tmp");
        try {
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create blob store at " + this.root, e);
        }
        this.directBlockSize = directWrites ? probeDirectWrites(tmp) : 0;
    }

    /** Whether staged content is written with O_DIRECT. */
    public boolean writesDirect() {
        return directBlockSize > 0;
    }

    @Override
    public StagedBlob stage(InputStream content, long maxBytes) {
        Path temp = null;
        try {
            temp = Files.createTempFile(tmp, "stage-", ".part");
            MessageDigest sha256 = sha256();
            long size = copyHashing(content, temp, sha256, maxBytes);
            return new FileStagedBlob(BlobKey.of(sha256.digest()), size, temp);
        } catch (BlobTooLargeException e) {
            deleteQuietly(temp);
            throw e;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp);
            throw new StorageException("could not stage content", e);
        }
    }

    /**
     * Copies while hashing as a pipeline over a small ring of buffers: the calling thread only
     * reads, each chunk it read is written (at its own file position) and hashed (in order, one
     * chunk after the other) on helper threads, so receiving, writing and hashing overlap and the
     * slowest of them sets the pace, not their sum. Chunks grow from 64 KiB to 1 MiB so small
     * files stay cheap; at most {@link #RING} buffers exist per copy, whatever its size.
     */
    private long copyHashing(InputStream in, Path temp, MessageDigest digest, long maxBytes) throws IOException {
        byte[][] buffers = new byte[RING][];
        Future<?>[] writes = new Future<?>[RING];
        Future<?>[] hashes = new Future<?>[RING];
        int chunkSize = FIRST_CHUNK;
        long total = 0;
        try (ChunkWriter out = openWriter(temp)) {
            try {
                for (int slot = 0, previous = RING - 1; ; previous = slot, slot = (slot + 1) % RING) {
                    await(writes[slot]);
                    await(hashes[slot]);
                    if (buffers[slot] == null || buffers[slot].length < chunkSize) {
                        buffers[slot] = new byte[chunkSize];
                    }
                    byte[] chunk = buffers[slot];
                    int n = in.readNBytes(chunk, 0, chunkSize);
                    if (n == 0) {
                        break;
                    }
                    if (total + n > maxBytes) {
                        throw new BlobTooLargeException(maxBytes);
                    }
                    long position = total;
                    total += n;
                    int writeSlot = slot;
                    writes[slot] = HELPERS.submit(() -> out.write(writeSlot, chunk, n, position));
                    Future<?> before = hashes[previous];
                    hashes[slot] = HELPERS.submit(() -> {
                        await(before);
                        digest.update(chunk, 0, n);
                        return null;
                    });
                    if (n == chunkSize) {
                        chunkSize = Math.min(MAX_CHUNK, chunkSize * 4);
                    }
                }
                for (int slot = 0; slot < RING; slot++) {
                    await(writes[slot]);
                    await(hashes[slot]);
                }
            } finally {
                // on failure, let every helper finish before the file is closed and deleted
                for (int slot = 0; slot < RING; slot++) {
                    settle(writes[slot]);
                    settle(hashes[slot]);
                }
            }
            out.finish(total);
        }
        return total;
    }

    private ChunkWriter openWriter(Path temp) throws IOException {
        if (directBlockSize > 0) {
            try {
                return new DirectChunkWriter(temp, directBlockSize);
            } catch (IOException | UnsupportedOperationException e) {
                // the volume refused O_DIRECT after all: write through the page cache
            }
        }
        return new BufferedChunkWriter(temp);
    }

    /**
     * The block size for O_DIRECT writes in the staging directory, or 0 where the filesystem
     * does not take them (tmpfs, some network and FUSE filesystems).
     */
    private static int probeDirectWrites(Path dir) {
        Path probe = null;
        try {
            int block = Math.toIntExact(Files.getFileStore(dir).getBlockSize());
            if (block <= 0 || block > MAX_CHUNK || Integer.bitCount(block) != 1 || FIRST_CHUNK % block != 0) {
                return 0;
            }
            probe = Files.createTempFile(dir, "probe-", ".part");
            try (var writer = new DirectChunkWriter(probe, block)) {
                writer.write(0, new byte[] {1}, 1, 0);
                writer.finish(1);
            }
            return Files.size(probe) == 1 ? block : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        } finally {
            deleteQuietly(probe);
        }
    }

    static void await(Future<?> task) throws IOException {
        if (task == null) {
            return;
        }
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while storing");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("storing failed", e.getCause());
        }
    }

    static void settle(Future<?> task) {
        if (task == null) {
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                task.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            } catch (ExecutionException | java.util.concurrent.CancellationException e) {
                break; // the first failure has been reported already
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public Optional<BlobContent> open(BlobKey key) {
        Path file = pathOf(key);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new FileBlobContent(key, Files.size(file), file));
        } catch (IOException e) {
            throw new StorageException("could not read blob " + key, e);
        }
    }

    @Override
    public boolean exists(BlobKey key) {
        return Files.isRegularFile(pathOf(key));
    }

    @Override
    public void delete(BlobKey key) {
        try {
            Files.deleteIfExists(pathOf(key));
        } catch (IOException e) {
            throw new StorageException("could not delete blob " + key, e);
        }
    }

    Path pathOf(BlobKey key) {
        String hex = key.sha256();
        return root.resolve(hex.substring(0, 2)).resolve(hex.substring(2, 4)).resolve(hex);
    }

    private BlobKey commit(FileStagedBlob staged) {
        Path target = pathOf(staged.key());
        try {
            if (Files.exists(target)) {
                Files.deleteIfExists(staged.path());
                return staged.key();
            }
            Files.createDirectories(target.getParent());
            Files.move(staged.path(), target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            fsyncDirectory(target.getParent());
            return staged.key();
        } catch (IOException e) {
            throw new StorageException("could not commit blob " + staged.key(), e);
        }
    }

    private static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some filesystems refuse to open directories for sync; the rename itself is atomic
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // a stray temp file is collected later; the original error matters more
            }
        }
    }

    private final class FileStagedBlob implements StagedBlob {

        private final BlobKey key;
        private final long size;
        private final Path path;
        private boolean done;

        FileStagedBlob(BlobKey key, long size, Path path) {
            this.key = key;
            this.size = size;
            this.path = path;
        }

        @Override
        public BlobKey key() {
            return key;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(path);
        }

        @Override
        public Path path() {
            return path;
        }

        @Override
        public synchronized BlobKey commit() {
            if (!done) {
                FileSystemBlobStore.this.commit(this);
                done = true;
            }
            return key;
        }

        @Override
        public synchronized void close() {
            if (!done) {
                deleteQuietly(path);
                done = true;
            }
        }
    }

    private record FileBlobContent(BlobKey key, long size, Path path) implements BlobContent {

        @Override
        public InputStream open() throws IOException {
            return Files.newInputStream(path);
        }

        @Override
        public Optional<Path> file() {
            return Optional.of(path);
        }
    }
}
