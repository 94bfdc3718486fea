package dev.atelier.storage.internal;

import dev.atelier.storage.BlobStore;
import dev.atelier.storage.StorageProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    @Bean
    @ConditionalOnProperty(name = "atelier.storage.type", havingValue = "filesystem", matchIfMissing = true)
    BlobStore fileSystemBlobStore(StorageProperties properties) {
        return new FileSystemBlobStore(properties.root());
    }
}
