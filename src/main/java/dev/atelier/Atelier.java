package dev.atelier;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;

/** Atelier: one process serving the web UI, the REST API and the rendition URLs. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
public class Atelier {

    public static void main(String[] args) {
        SpringApplication.run(Atelier.class, args);
    }
}
