package dev.atelier.media;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxPixels images with more pixels than this are refused before decoding
 * @param workers how many renditions are made at once
 * @param jpegQuality quality of JPEG renditions, 0..1
 */
@ConfigurationProperties("atelier.media")
public record MediaProperties(@DefaultValue("250000000") long maxPixels, @DefaultValue("2") int workers,
        @DefaultValue("0.85") float jpegQuality) {
}
