package dev.atelier.brief;

import dev.atelier.identity.UserId;
import java.util.Optional;
import java.util.UUID;

/**
 * A reviewer accepted, returned or rejected a submitted brief. Returned and rejected briefs leave
 * their board; accepted ones stay.
 */
public record BriefDecided(BriefId brief, Optional<UUID> board, BriefStatus outcome, UserId by, String comment) {}
