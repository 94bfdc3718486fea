package dev.atelier.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxUpload the largest file accepted in one upload
 * @param duplicates what an upload of a file some asset already holds (same SHA-256) does:
 *     {@code allow} it silently, {@code warn} (the asset is made and the receipt names the others),
 *     or {@code block} it with {@code 409 /problems/duplicate-content} naming them
 */
@ConfigurationProperties("atelier.ingest")
public record IngestProperties(@DefaultValue("5GB") DataSize maxUpload, @DefaultValue("warn") DuplicatePolicy duplicates) {

    public enum DuplicatePolicy { ALLOW, WARN, BLOCK }
}
