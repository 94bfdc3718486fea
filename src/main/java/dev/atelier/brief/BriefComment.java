package dev.atelier.brief;

import dev.atelier.identity.UserId;
import java.time.Instant;
import java.util.UUID;

public record BriefComment(UUID id, BriefId brief, UserId author, String body, Instant createdAt) {}
