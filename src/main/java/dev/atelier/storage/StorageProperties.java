package dev.atelier.storage;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param type the backend; only {@code filesystem} exists so far
 * @param root where the filesystem backend keeps blobs; {@code <atelier.home>/blobs} unless set
 * @param directWrites whether the filesystem backend writes uploads with O_DIRECT (around the
 *     page cache) where the volume supports it; off, or unsupported, it writes through the cache
 */
@ConfigurationProperties("atelier.storage")
public record StorageProperties(
        @DefaultValue("filesystem") String type, Path root, @DefaultValue("true") boolean directWrites) {
}
