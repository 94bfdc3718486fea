package dev.atelier.storage.internal;

import dev.atelier.storage.BlobStore;
import dev.atelier.storage.StorageProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(StorageConfiguration.class);

    @Bean
    @ConditionalOnProperty(name = "atelier.storage.type", havingValue = "filesystem", matchIfMissing = true)
    BlobStore fileSystemBlobStore(StorageProperties properties) {
        var store = new FileSystemBlobStore(properties.root(), properties.directWrites());
        LOG.info("Blob store at {}, writing uploads {}", properties.root(),
                store.writesDirect() ? "with O_DIRECT" : "through the page cache");
        return store;
    }
}
