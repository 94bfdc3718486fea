package dev.atelier.brief;

import dev.atelier.identity.UserId;
import java.util.Optional;
import java.util.UUID;

/** A brief passed intake validation and waits for a decision; its card goes on the board. */
public record BriefSubmitted(BriefId brief, Optional<UUID> board, UserId by) {}
