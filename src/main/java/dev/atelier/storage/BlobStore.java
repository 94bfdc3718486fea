package dev.atelier.storage;

import java.io.InputStream;
import java.util.Optional;

/**
 * A content-addressed store of immutable blobs.
 *
 * <p>Writes are two-step so that nothing half-written or unwanted is ever visible: {@link
 * #stage(InputStream, long)} streams the content to temporary storage while hashing it, and
 * {@link StagedBlob#commit()} makes it durable under its SHA-256. Callers record the key in the
 * database only after the commit returns.
 */
public interface BlobStore {

    /**
     * Streams {@code content} into temporary storage, hashing it on the way.
     *
     * @param maxBytes the most bytes accepted
     * @throws BlobTooLargeException when the content is longer than {@code maxBytes}; nothing is kept
     * @throws StorageException when the backend fails; nothing is kept
     */
    StagedBlob stage(InputStream content, long maxBytes);

    /** Opens a committed blob, or empty when no blob has that key. */
    Optional<BlobContent> open(BlobKey key);

    boolean exists(BlobKey key);

    /** Removes a blob; used by garbage collection of orphans only. */
    void delete(BlobKey key);
}
