package dev.atelier.storage;

import java.util.HexFormat;
import java.util.regex.Pattern;

/** The SHA-256 of a blob's content, lower-case hex: its name in every backend. */
public record BlobKey(String sha256) {

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    public BlobKey {
        if (!HEX64.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a lower-case hex SHA-256: " + sha256);
        }
    }

    public static BlobKey of(byte[] digest) {
        return new BlobKey(HexFormat.of().formatHex(digest));
    }

    @Override
    public String toString() {
        return sha256;
    }
}
