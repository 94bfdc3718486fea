package dev.atelier.media.web;

import dev.atelier.media.internal.ImageDelivery;
import dev.atelier.storage.BlobStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@link CachedImageValve} into Tomcat's context. Another servlet container would go without
 * it: {@link ImageController} answers every request there, as it answers every error here.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(TomcatServletWebServerFactory.class)
class DeliveryValves {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> cachedImageValve(ImageDelivery delivery, BlobStore blobs,
            MeterRegistry meters) {
        return factory -> factory.addContextValves(new CachedImageValve(delivery, blobs, meters));
    }
}
