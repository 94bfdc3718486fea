package dev.atelier.search;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param index where the Lucene index lives; rebuilt from the database when missing
 * @param commitInterval how often changes are made durable on disk (they are searchable within a few hundred ms;
 *     after a crash the start-up catch-up re-indexes what the disk missed)
 * @param facetValues values shown per facet, most frequent first
 */
@ConfigurationProperties("atelier.search")
public record SearchProperties(Path index, @DefaultValue("1s") Duration commitInterval, @DefaultValue("12") int facetValues) {
}
