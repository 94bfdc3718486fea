package dev.atelier.brief;

import dev.atelier.asset.AssetId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A brief as its card on a board shows it.
 *
 * @param assignees display names
 * @param overdue due before today and not in the board's last (done) column
 * @param draft the brief's latest draft asset, whose thumbnail the card shows
 * @param version grows with every move; a move names the version it saw
 */
public record BoardCard(BriefId brief, UUID column, String title, BriefStatus status, List<String> assignees, Optional<LocalDate> due,
        boolean overdue, Optional<AssetId> draft, long version) {

    public BoardCard {
        assignees = List.copyOf(assignees);
    }
}
