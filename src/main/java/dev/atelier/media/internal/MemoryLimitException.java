package dev.atelier.media.internal;

import java.io.IOException;

/** A tool subprocess failed because it needed more memory than its limit allowed. */
final class MemoryLimitException extends IOException {

    MemoryLimitException(String message) {
        super(message);
    }
}
