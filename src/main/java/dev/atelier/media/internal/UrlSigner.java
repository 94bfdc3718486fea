package dev.atelier.media.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signatures of dynamic rendition URLs, so nobody can make the server render sizes
 * it did not hand out. The key is generated on first start and kept in
 * {@code <atelier.home>/keys/image-url.key} (owner-only), so every server sharing that home —
 * and every URL handed out before a restart — agrees.
 */
class UrlSigner {

    private static final int KEY_BYTES = 32;
    private static final int SIGNATURE_CHARS = 32;

    /** Initialised once and never used itself: each signature works on a clone (looking up and keying a Mac costs more). */
    private final Mac keyed;

    UrlSigner(Path keyFile) {
        try {
            this.keyed = Mac.getInstance("HmacSHA256");
            keyed.init(new SecretKeySpec(loadOrCreate(keyFile), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String sign(String canonical) {
        try {
            Mac mac = (Mac) keyed.clone();
            byte[] digest = mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, SIGNATURE_CHARS);
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison with the expected signature. */
    boolean verify(String canonical, String signature) {
        if (signature == null || signature.length() != SIGNATURE_CHARS) {
            return false;
        }
        return MessageDigest.isEqual(sign(canonical).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] fresh = new byte[KEY_BYTES];
                new SecureRandom().nextBytes(fresh);
                Path temp = Files.createTempFile(file.getParent(), "key-", ".tmp");
                try {
                    restrict(temp);
                    Files.write(temp, Base64.getEncoder().encode(fresh), StandardOpenOption.TRUNCATE_EXISTING);
                    // link() is atomic and refuses an existing name: a server sharing the home that won the race keeps its key
                    Files.createLink(file, temp);
                } catch (FileAlreadyExistsException e) {
                    // theirs stands
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
            byte[] key = Base64.getDecoder().decode(Files.readString(file).strip());
            if (key.length < KEY_BYTES) {
                throw new IllegalStateException(file + " holds a key shorter than " + KEY_BYTES + " bytes");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the URL signing key " + file, e);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX filesystem: the directory's own protection has to do
        }
    }
}
