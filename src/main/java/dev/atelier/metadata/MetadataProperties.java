package dev.atelier.metadata;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param exiftool the {@code exiftool} executable; when it is not installed versions get status
 *     {@code UNAVAILABLE} and nothing else changes
 * @param timeout how long reading one file may take before exiftool is stopped
 * @param memory address space exiftool may use (a crafted file cannot take the machine's memory)
 */
@ConfigurationProperties("atelier.metadata")
public record MetadataProperties(@DefaultValue("exiftool") String exiftool, @DefaultValue("60s") Duration timeout,
        @DefaultValue("1GB") DataSize memory) {
}
