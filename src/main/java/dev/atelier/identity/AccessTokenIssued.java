package dev.atelier.identity;

import java.util.UUID;

public record AccessTokenIssued(UUID tokenId, String name, UserId owner) {
}
