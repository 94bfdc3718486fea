package dev.atelier.storage;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param type the backend; only {@code filesystem} exists so far
 * @param root where the filesystem backend keeps blobs; {@code <atelier.home>/blobs} unless set
 */
@ConfigurationProperties("atelier.storage")
public record StorageProperties(@DefaultValue("filesystem") String type, Path root) {
}
