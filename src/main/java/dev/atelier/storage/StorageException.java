package dev.atelier.storage;

/** The storage backend failed (disk full, I/O error); nothing partial was kept. */
public class StorageException extends RuntimeException {

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
