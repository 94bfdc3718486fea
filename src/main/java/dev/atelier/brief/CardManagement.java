package dev.atelier.brief;

import dev.atelier.brief.internal.BoardQueries;
import dev.atelier.brief.internal.BoardQueries.CardRow;
import dev.atelier.brief.internal.Boards;
import dev.atelier.brief.internal.Cards;
import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import dev.atelier.identity.UserId;
import dev.atelier.identity.UserManagement;
import dev.atelier.metadata.TaxonomyManagement;
import dev.atelier.shared.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cards on a board: what a board shows (filtered) and moving cards between and within
 * columns. Cards come and go with their briefs' intake (submitted: on; returned or rejected: off).
 */
@Service
public class CardManagement {

    private final Boards boards;
    private final Cards cards;
    private final BoardQueries queries;
    private final UserManagement users;
    private final TaxonomyManagement taxonomy;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CardManagement(Boards boards, Cards cards, BoardQueries queries, UserManagement users, TaxonomyManagement taxonomy,
            ApplicationEventPublisher events, Clock clock) {
        this.boards = boards;
        this.cards = cards;
        this.queries = queries;
        this.users = users;
        this.taxonomy = taxonomy;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Moves a card; contributors and up may. Moves on one board happen one after the other, so two
     * people moving different cards at once both keep their moves.
     *
     * @param before the card it was dropped above; empty (or a card no longer in the column) puts it at the bottom
     * @param expectedVersion the card's version the mover saw
     * @throws CardMovedMeanwhileException when the card's version is not {@code expectedVersion}
     * @throws WipLimitReachedException when it would come into a column already at its WIP limit
     * @return where it is now; publishes {@link BriefChanged} {@code brief.moved}
     */
    @Transactional
    public CardPlacement move(Actor actor, UUID board, BriefId brief, UUID toColumn, Optional<BriefId> before, long expectedVersion) {
        actor.require(Role.CONTRIBUTOR);
        if (!boards.lock(board)) {
            throw new NotFoundException("board " + board);
        }
        Board b = boards.find(board).orElseThrow();
        Cards.Card card = cards.find(brief).filter(c -> c.board().equals(board))
                .orElseThrow(() -> new NotFoundException("card of brief " + brief + " on board \"" + b.name() + "\""));
        if (card.version() != expectedVersion) {
            String title = cards.subject(brief).map(Cards.Subject::title).orElse(brief.toString());
            throw new CardMovedMeanwhileException(title, BoardManagement.column(b, card.column()), card.version());
        }
        BoardColumn target = BoardManagement.column(b, toColumn);
        List<BriefId> order = new ArrayList<>(cards.inColumn(toColumn));
        boolean arriving = !order.remove(brief);
        if (arriving && target.full(order.size())) {
            throw new WipLimitReachedException(target, target.wipLimit().orElseThrow());
        }
        int at = before.filter(x -> !x.equals(brief)).map(order::indexOf).filter(i -> i >= 0).orElse(order.size());
        order.add(at, brief);
        long version = card.version() + 1;
        cards.moveTo(brief, toColumn, version);
        cards.order(order);
        events.publishEvent(new BriefChanged(brief, actor.id(), "brief.moved", "board=" + b.name() + " column=" + target.name()));
        return new CardPlacement(brief, toColumn, at, version);
    }

    /** The board with the cards that pass the filter; overdue means due before today in the clock's zone. */
    @Transactional(readOnly = true)
    public BoardView view(Actor actor, UUID board, BoardFilter filter) {
        actor.require(Role.VIEWER);
        Board b = boards.find(board).orElseThrow(() -> new NotFoundException("board " + board));
        LocalDate today = LocalDate.now(clock);
        Optional<UUID> done = b.columns().isEmpty() ? Optional.empty() : Optional.of(b.columns().getLast().id());
        List<CardRow> rows = queries.cards(board, filter, today, done);
        Map<BriefId, List<UserId>> assigned = queries.assignees(board);
        Map<UserId, String> names = new HashMap<>();
        Map<UUID, Integer> counts = cards.counts(board);
        List<BoardView.Lane> lanes = b.columns().stream().map(c -> new BoardView.Lane(c, counts.getOrDefault(c.id(), 0), rows.stream()
                .filter(r -> r.column().equals(c.id()))
                .map(r -> card(r, assigned.getOrDefault(r.brief(), List.of()).stream().map(u -> name(names, u)).toList(),
                        r.due().map(today::isAfter).orElse(false) && !b.isDone(c.id())))
                .toList())).toList();
        List<BoardView.Choice> people = assigned.values().stream().flatMap(List::stream).distinct()
                .map(u -> new BoardView.Choice(u.value(), name(names, u))).sorted(Comparator.comparing(BoardView.Choice::label)).toList();
        List<BoardView.Choice> channels = queries.channels(board).stream().map(t -> new BoardView.Choice(t, taxonomy.term(t).label()))
                .sorted(Comparator.comparing(BoardView.Choice::label)).toList();
        return new BoardView(b, filter, lanes, people, channels);
    }

    private static BoardCard card(CardRow r, List<String> assignees, boolean overdue) {
        return new BoardCard(r.brief(), r.column(), r.title(), r.status(), assignees, r.due(), overdue, r.draft(), r.version());
    }

    private String name(Map<UserId, String> names, UserId user) {
        return names.computeIfAbsent(user, u -> users.get(u).displayName());
    }
}
