package dev.atelier.media.web;

import dev.atelier.media.internal.ImageDelivery;
import dev.atelier.storage.BlobStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Registers {@link CachedImageFilter} for {@code /cdn/*}, first of all filters (ahead of the security chain and the request observation). */
@Configuration(proxyBeanMethods = false)
class DeliveryFilters {

    @Bean
    FilterRegistrationBean<CachedImageFilter> cachedImageFilter(ImageDelivery delivery, BlobStore blobs, MeterRegistry meters) {
        var registration = new FilterRegistrationBean<>(new CachedImageFilter(delivery, blobs, meters));
        registration.addUrlPatterns("/cdn/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
