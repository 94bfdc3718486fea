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
 * @param similarDistance the most bits two 64-bit perceptual hashes may differ in for their assets
 *     to be listed as similar, 0..15; the lookup finds every pair within it (see {@code HashBands})
 */
@ConfigurationProperties("atelier.metadata")
public record MetadataProperties(@DefaultValue("exiftool") String exiftool, @DefaultValue("60s") Duration timeout,
        @DefaultValue("1GB") DataSize memory, @DefaultValue("8") int similarDistance) {

    public MetadataProperties {
        if (similarDistance < 0 || similarDistance > 15) {
            throw new IllegalArgumentException("atelier.metadata.similar-distance must be 0..15, not " + similarDistance);
        }
    }
}
