package dev.atelier.shared;

import java.net.URI;

/** The stable {@code type} URIs of the problem details (RFC 9457) the API answers with. */
public final class Problems {

    public static final URI NOT_FOUND = URI.create("/problems/not-found");
    public static final URI DIGEST_MISMATCH = URI.create("/problems/digest-mismatch");
    public static final URI UPLOAD_TOO_LARGE = URI.create("/problems/upload-too-large");
    public static final URI STALE_WRITE = URI.create("/problems/stale-write");
    public static final URI FORBIDDEN = URI.create("/problems/forbidden");
    public static final URI INVALID_REQUEST = URI.create("/problems/invalid-request");
    public static final URI CONFLICT = URI.create("/problems/conflict");

    private Problems() {
    }
}
