package dev.atelier.brief;

import java.util.List;
import java.util.UUID;

/**
 * A board with the cards that pass a filter, column by column.
 *
 * @param assignees everyone assigned to a card on the board, for the filter form
 * @param channels every channel term of a card on the board, for the filter form
 */
public record BoardView(Board board, BoardFilter filter, List<Lane> lanes, List<Choice> assignees, List<Choice> channels) {

    public BoardView {
        lanes = List.copyOf(lanes);
        assignees = List.copyOf(assignees);
        channels = List.copyOf(channels);
    }

    /**
     * @param total every card in the column, filtered or not (what the WIP limit counts)
     * @param cards the cards that pass the filter, top to bottom
     */
    public record Lane(BoardColumn column, int total, List<BoardCard> cards) {

        public Lane {
            cards = List.copyOf(cards);
        }

        public boolean full() {
            return column.full(total);
        }
    }

    /** A value the filter form offers. */
    public record Choice(UUID id, String label) {}
}
