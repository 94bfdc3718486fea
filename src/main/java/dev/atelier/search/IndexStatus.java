package dev.atelier.search;

import java.util.Optional;

/**
 * The index's state for admins.
 *
 * @param state {@code ready}, {@code catching-up} (comparing with the database after start) or {@code rebuilding}
 * @param indexed documents in the index now
 * @param done assets processed by the running catch-up or rebuild, of {@code total} (while a requested
 *     rebuild waits behind a catch-up, the catch-up's)
 */
public record IndexStatus(String state, long indexed, long done, long total, Optional<String> lastError) {
}
