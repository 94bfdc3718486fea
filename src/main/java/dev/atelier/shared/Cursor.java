package dev.atelier.shared;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * An opaque keyset paging position: the sort key (a time) and the id of the last row seen.
 * Clients pass it back verbatim; its encoding is not part of the API.
 */
public record Cursor(Instant at, UUID id) {

    public String encode() {
        String raw = at.getEpochSecond() + ":" + at.getNano() + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws InvalidRequestException when the text is not a cursor this server issued */
    public static Optional<Cursor> decode(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split(":");
            Instant at = Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            return Optional.of(new Cursor(at, UUID.fromString(parts[2])));
        } catch (RuntimeException e) {
            throw new InvalidRequestException("The cursor is not valid; use the 'next' value of a previous page.");
        }
    }
}
