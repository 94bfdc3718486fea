package dev.atelier.brief;

import dev.atelier.brief.internal.Boards;
import dev.atelier.brief.internal.Cards;
import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import dev.atelier.shared.ConflictException;
import dev.atelier.shared.Ids;
import dev.atelier.shared.InvalidRequestException;
import dev.atelier.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Boards and their columns. Viewers see boards; managers create them and change their columns.
 * Column changes take the board's lock, so they never race a card move (see {@link CardManagement}).
 */
@Service
public class BoardManagement {

    private final Boards boards;
    private final Cards cards;
    private final Clock clock;

    BoardManagement(Boards boards, Cards cards, Clock clock) {
        this.boards = boards;
        this.cards = cards;
        this.clock = clock;
    }

    /** @param columns the column names, left to right; empty for {@link Board#DEFAULT_COLUMNS} */
    @Transactional
    public Board create(Actor actor, String name, List<String> columns) {
        actor.require(Role.MANAGER);
        UUID id = Ids.uuidV7(clock);
        List<String> names = columns.stream().map(String::strip).filter(c -> !c.isEmpty()).toList();
        List<BoardColumn> made = new ArrayList<>();
        for (String column : names.isEmpty() ? Board.DEFAULT_COLUMNS : names) {
            made.add(new BoardColumn(Ids.uuidV7(clock), id, columnName(column), made.size(), Optional.empty()));
        }
        if (made.stream().map(c -> c.name().toLowerCase()).distinct().count() != made.size()) {
            throw new InvalidRequestException("Column names must differ from each other.");
        }
        Board board = new Board(id, boardName(name), made, actor.id(), Instant.now(clock));
        boards.insert(board);
        return board;
    }

    @Transactional
    public Board rename(Actor actor, UUID board, String name) {
        actor.require(Role.MANAGER);
        locked(board);
        boards.rename(board, boardName(name));
        return boards.find(board).orElseThrow();
    }

    /** Adds a column at the right end. */
    @Transactional
    public BoardColumn addColumn(Actor actor, UUID board, String name) {
        actor.require(Role.MANAGER);
        Board b = locked(board);
        String n = unusedName(b, columnName(name), Optional.empty());
        BoardColumn column = new BoardColumn(Ids.uuidV7(clock), board, n, b.columns().size(), Optional.empty());
        boards.insertColumn(column);
        return column;
    }

    @Transactional
    public BoardColumn renameColumn(Actor actor, UUID board, UUID column, String name) {
        actor.require(Role.MANAGER);
        Board b = locked(board);
        BoardColumn c = column(b, column);
        BoardColumn renamed = new BoardColumn(c.id(), board, unusedName(b, columnName(name), Optional.of(column)), c.position(), c.wipLimit());
        boards.updateColumn(renamed);
        return renamed;
    }

    /** Moves a column to {@code position} (0 = leftmost; beyond the end = rightmost); the others close up. */
    @Transactional
    public Board moveColumn(Actor actor, UUID board, UUID column, int position) {
        actor.require(Role.MANAGER);
        Board b = locked(board);
        List<BoardColumn> order = new ArrayList<>(b.columns());
        BoardColumn moving = column(b, column);
        order.remove(moving);
        order.add(Math.clamp(position, 0, order.size()), moving);
        for (int i = 0; i < order.size(); i++) {
            BoardColumn c = order.get(i);
            if (c.position() != i) {
                boards.updateColumn(new BoardColumn(c.id(), board, c.name(), i, c.wipLimit()));
            }
        }
        return boards.find(board).orElseThrow();
    }

    /** @throws ConflictException while cards are in the column, or when it is the board's only column */
    @Transactional
    public void deleteColumn(Actor actor, UUID board, UUID column) {
        actor.require(Role.MANAGER);
        Board b = locked(board);
        BoardColumn c = column(b, column);
        int held = cards.count(column);
        if (held > 0) {
            throw new ConflictException("\"" + c.name() + "\" still holds " + held + (held == 1 ? " card" : " cards")
                    + ". Move them to another column first.");
        }
        if (b.columns().size() == 1) {
            throw new ConflictException("A board needs at least one column; add another before deleting \"" + c.name() + "\".");
        }
        boards.deleteColumn(column);
        List<BoardColumn> rest = b.columns().stream().filter(x -> !x.id().equals(column)).toList();
        for (int i = 0; i < rest.size(); i++) {
            BoardColumn x = rest.get(i);
            boards.updateColumn(new BoardColumn(x.id(), board, x.name(), i, x.wipLimit()));
        }
    }

    /**
     * @param limit at most this many cards (at least 1); empty clears the limit. A limit below the
     *              column's current count is allowed: it only stops further cards coming in.
     */
    @Transactional
    public BoardColumn setWipLimit(Actor actor, UUID board, UUID column, Optional<Integer> limit) {
        actor.require(Role.MANAGER);
        if (limit.isPresent() && (limit.get() < 1 || limit.get() > 1000)) {
            throw new InvalidRequestException("A WIP limit is a number from 1 to 1000; leave it empty for no limit.");
        }
        BoardColumn c = column(locked(board), column);
        BoardColumn limited = new BoardColumn(c.id(), board, c.name(), c.position(), limit);
        boards.updateColumn(limited);
        return limited;
    }

    @Transactional(readOnly = true)
    public Board get(Actor actor, UUID board) {
        actor.require(Role.VIEWER);
        return boards.find(board).orElseThrow(() -> new NotFoundException("board " + board));
    }

    @Transactional(readOnly = true)
    public List<Board> all(Actor actor) {
        actor.require(Role.VIEWER);
        return boards.all();
    }

    private Board locked(UUID board) {
        if (!boards.lock(board)) {
            throw new NotFoundException("board " + board);
        }
        return boards.find(board).orElseThrow();
    }

    static BoardColumn column(Board board, UUID column) {
        return board.columns().stream().filter(c -> c.id().equals(column)).findFirst()
                .orElseThrow(() -> new NotFoundException("column " + column + " of board \"" + board.name() + "\""));
    }

    private static String unusedName(Board board, String name, Optional<UUID> except) {
        if (board.columns().stream().anyMatch(c -> c.name().equalsIgnoreCase(name) && !Optional.of(c.id()).equals(except))) {
            throw new ConflictException("\"" + board.name() + "\" already has a column named \"" + name + "\".");
        }
        return name;
    }

    private static String boardName(String name) {
        String n = name.strip();
        if (n.isEmpty() || n.length() > Board.MAX_NAME) {
            throw new InvalidRequestException("A board name needs 1 to " + Board.MAX_NAME + " characters.");
        }
        return n;
    }

    private static String columnName(String name) {
        String n = name.strip();
        if (n.isEmpty() || n.length() > BoardColumn.MAX_NAME) {
            throw new InvalidRequestException("A column name needs 1 to " + BoardColumn.MAX_NAME + " characters.");
        }
        return n;
    }
}
