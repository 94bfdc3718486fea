package dev.atelier.shared;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/** Time-ordered UUIDv7 ids (RFC 9562): indexes stay compact and ids sort by creation. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /** An id sent by a client. @throws InvalidRequestException (a 400) when the text is not one */
    public static UUID parse(String text) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("'" + text + "' is not an id.");
        }
    }

    public static UUID uuidV7() {
        return uuidV7(Clock.systemUTC());
    }

    public static UUID uuidV7(Clock clock) {
        long millis = clock.millis();
        long randA = RANDOM.nextInt(1 << 12);
        long msb = (millis << 16) | (0x7L << 12) | randA;
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
