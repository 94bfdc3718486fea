package dev.atelier.ingest.internal;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lets Tomcat read request bodies in 64 KiB pieces instead of 8 KiB: an upload of a gigabyte
 * then takes an eighth of the socket reads.
 */
@Configuration(proxyBeanMethods = false)
class UploadServerTuning {

    @Bean
    TomcatConnectorCustomizer largerSocketReads() {
        return connector -> {
            connector.setProperty("socket.appReadBufSize", "65536");
            connector.setProperty("socket.rxBufSize", "262144");
        };
    }
}
