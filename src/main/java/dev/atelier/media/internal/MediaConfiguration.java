package dev.atelier.media.internal;

import dev.atelier.media.MediaProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

@Configuration(proxyBeanMethods = false)
class MediaConfiguration {

    static final String EXECUTOR = "renditionExecutor";

    /** Bounded: a burst of uploads queues its renditions instead of decoding hundreds of images at once. */
    @Bean(EXECUTOR)
    ThreadPoolTaskExecutor renditionExecutor(MediaProperties properties) {
        var executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(properties.workerCount());
        executor.setMaxPoolSize(properties.workerCount());
        executor.setThreadNamePrefix("rendition-");
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }

    @Bean
    MediaWorkerPool mediaWorkerPool(MediaProperties properties) {
        return new MediaWorkerPool(properties);
    }

    /**
     * Starts the first worker once the server is up, so neither the first upload nor the health
     * check waits for it, and checks its sandbox.
     */
    @Bean
    ApplicationListener<ApplicationReadyEvent> probeMediaEngines(MediaWorkerPool workers) {
        return ready -> Thread.ofVirtual().name("media-probe").start(workers::sandboxCheck);
    }
}
