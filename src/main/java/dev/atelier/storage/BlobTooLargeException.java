package dev.atelier.storage;

/** Content longer than the caller's limit; nothing of it was kept. */
public class BlobTooLargeException extends RuntimeException {

    private final long limit;

    public BlobTooLargeException(long limit) {
        super("content is larger than the limit of " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
