package dev.atelier.brief;

import java.util.UUID;

/** Where a card is after a move, and its new version (what the next move must name). */
public record CardPlacement(BriefId brief, UUID column, int position, long version) {}
