package dev.atelier.brief;

import dev.atelier.identity.UserId;

/**
 * Any change of a brief that matters for the audit trail: {@code action} is {@code brief.created},
 * {@code brief.edited}, {@code brief.submitted}, {@code brief.accepted}, {@code brief.returned},
 * {@code brief.rejected}, {@code brief.asset-linked}, {@code brief.moved}, ...
 */
public record BriefChanged(BriefId brief, UserId by, String action, String details) {}
