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
import java.nio.ByteBuffer;
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
    private static final long SYNC_EVERY = 64L * 1024 * 1024;
    private static final ExecutorService HELPERS = Executors.newVirtualThreadPerTaskExecutor();

    private final Path root;
    private final Path tmp;

    public FileSystemBlobStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        this.tmp = this.root.resolve("tmp");
        try {
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create blob store at " + this.root, e);
        }
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
     * Copies while hashing, with the hash of one chunk computed on another thread while the next
     * chunk is read and written: on two cores the digest then costs almost nothing. Chunks grow
     * from 64 KiB to 1 MiB so small files stay cheap and large ones are written in big pieces.
     * Written data is flushed to disk in the background every {@link #SYNC_EVERY} bytes, so the
     * final fsync has little left to do.
     */
    private static long copyHashing(InputStream in, Path temp, MessageDigest digest, long maxBytes) throws IOException {
        byte[][] chunks = {new byte[FIRST_CHUNK], new byte[FIRST_CHUNK]};
        Future<?> hashing = null;
        Future<?> syncing = null;
        long total = 0;
        long unsynced = 0;
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            for (int current = 0; ; current ^= 1) {
                byte[] chunk = chunks[current];
                int n = in.readNBytes(chunk, 0, chunk.length);
                if (n == 0) {
                    break;
                }
                total += n;
                if (total > maxBytes) {
                    throw new BlobTooLargeException(maxBytes);
                }
                writeFully(out, chunk, n);
                await(hashing);
                hashing = HELPERS.submit(() -> digest.update(chunk, 0, n));
                unsynced += n;
                if (unsynced >= SYNC_EVERY && (syncing == null || syncing.isDone())) {
                    syncing = HELPERS.submit(() -> force(out));
                    unsynced = 0;
                }
                if (n == chunk.length && chunk.length < MAX_CHUNK) {
                    // the other buffer may still be hashed: grow this one only, the other on its turn
                    chunks[current] = new byte[Math.min(MAX_CHUNK, chunk.length * 4)];
                }
            }
            await(hashing);
            await(syncing);
            out.force(true);
        } finally {
            cancel(hashing);
            cancel(syncing);
        }
        return total;
    }

    private static void writeFully(FileChannel out, byte[] chunk, int n) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(chunk, 0, n);
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    private static Void force(FileChannel out) throws IOException {
        out.force(false);
        return null;
    }

    private static void await(Future<?> task) throws IOException {
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

    private static void cancel(Future<?> task) {
        if (task != null && !task.isDone()) {
            task.cancel(false);
            try {
                task.get();
            } catch (Exception ignored) {
                // only waiting for it to stop touching the buffer or channel
            }
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
