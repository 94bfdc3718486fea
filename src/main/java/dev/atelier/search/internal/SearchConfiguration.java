package dev.atelier.search.internal;

import dev.atelier.search.SearchProperties;
import java.io.IOException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(SearchProperties.class)
class SearchConfiguration {

    @Bean(destroyMethod = "close")
    LuceneAssetIndex assetIndex(SearchProperties properties) throws IOException {
        return new LuceneAssetIndex(properties.index(), properties.commitInterval(), properties.facetValues());
    }
}
