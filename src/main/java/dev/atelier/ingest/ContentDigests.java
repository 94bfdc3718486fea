package dev.atelier.ingest;

import dev.atelier.shared.InvalidRequestException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the SHA-256 a client claims for its upload, from {@code Repr-Digest} (RFC 9530) or a hex form field. */
public final class ContentDigests {

    private static final Pattern MEMBER = Pattern.compile("\\s*([a-z0-9-]+)\\s*=\\s*:([A-Za-z0-9+/=]*):\\s*");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{64}");

    private ContentDigests() {
    }

    /** The SHA-256 in a {@code Repr-Digest} header, lower-case hex; empty when it names no sha-256. */
    public static Optional<String> fromReprDigest(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        for (String member : header.split(",")) {
            Matcher m = MEMBER.matcher(member);
            if (!m.matches()) {
                throw new InvalidRequestException("The Repr-Digest header is not of the form sha-256=:<base64>:.");
            }
            if (m.group(1).equals("sha-256")) {
                byte[] digest = decode(m.group(2));
                return Optional.of(HexFormat.of().formatHex(digest));
            }
        }
        return Optional.empty();
    }

    /** A hex SHA-256 from a form field, lower-cased. */
    public static Optional<String> fromHex(String field) {
        if (field == null || field.isBlank()) {
            return Optional.empty();
        }
        if (!HEX.matcher(field.strip()).matches()) {
            throw new InvalidRequestException("The sha256 field must be 64 hexadecimal digits.");
        }
        return Optional.of(field.strip().toLowerCase(Locale.ROOT));
    }

    private static byte[] decode(String base64) {
        try {
            byte[] digest = Base64.getDecoder().decode(base64);
            if (digest.length == 32) {
                return digest;
            }
        } catch (IllegalArgumentException e) {
            // reported below with the same sentence
        }
        throw new InvalidRequestException("The Repr-Digest sha-256 value must be the base64 of 32 bytes.");
    }
}
