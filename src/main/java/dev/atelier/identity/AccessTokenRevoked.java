package dev.atelier.identity;

import java.util.UUID;

public record AccessTokenRevoked(UUID tokenId, UserId owner) {
}
