package dev.atelier.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param adminPassword password of the {@code admin} user created on first start; when blank a
 *     random one is generated and logged once
 */
@ConfigurationProperties("atelier.identity")
public record IdentityProperties(String adminPassword) {
}
