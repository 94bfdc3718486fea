package dev.atelier.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** @param maxUpload the largest file accepted in one upload */
@ConfigurationProperties("atelier.ingest")
public record IngestProperties(@DefaultValue("5GB") DataSize maxUpload) {
}
