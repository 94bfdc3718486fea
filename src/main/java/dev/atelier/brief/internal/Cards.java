package dev.atelier.brief.internal;

import dev.atelier.brief.BriefId;
import dev.atelier.brief.BriefStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code board_cards} table: where each brief's card is. Callers hold the board's lock ({@link Boards#lock}) while they change it. */
@Repository
public class Cards {

    private final JdbcClient jdbc;

    Cards(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Where a card is. */
    public record Card(BriefId brief, UUID board, UUID column, int position, long version) {}

    public Optional<Card> find(BriefId brief) {
        return jdbc.sql("SELECT * FROM board_cards WHERE brief_id = ?").param(brief.value())
                .query((rs, n) -> new Card(new BriefId(rs.getObject("brief_id", UUID.class)), rs.getObject("board_id", UUID.class),
                        rs.getObject("column_id", UUID.class), rs.getInt("position"), rs.getLong("version")))
                .optional();
    }

    /** At the bottom of the column, version 0. */
    public void append(BriefId brief, UUID board, UUID column) {
        jdbc.sql("""
                INSERT INTO board_cards (brief_id, board_id, column_id, position, version)
                VALUES (?, ?, ?, (SELECT COALESCE(MAX(position) + 1, 0) FROM board_cards WHERE column_id = ?), 0)""")
                .params(brief.value(), board, column, column).update();
    }

    /** The column's cards, top to bottom. */
    public List<BriefId> inColumn(UUID column) {
        return jdbc.sql("SELECT brief_id FROM board_cards WHERE column_id = ? ORDER BY position, brief_id").param(column)
                .query((rs, n) -> new BriefId(rs.getObject(1, UUID.class))).list();
    }

    public int count(UUID column) {
        return jdbc.sql("SELECT COUNT(*) FROM board_cards WHERE column_id = ?").param(column).query(Integer.class).single();
    }

    /** Cards per column of the board; columns without cards are absent. */
    public Map<UUID, Integer> counts(UUID board) {
        return jdbc.sql("SELECT column_id, COUNT(*) FROM board_cards WHERE board_id = ? GROUP BY column_id").param(board)
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getInt(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Puts the card into the column with the next version; its position is set by {@link #order}. */
    public void moveTo(BriefId brief, UUID column, long version) {
        jdbc.sql("UPDATE board_cards SET column_id = ?, version = ? WHERE brief_id = ?").params(column, version, brief.value()).update();
    }

    /** Numbers the column's cards 0, 1, 2, ... in the given order. */
    public void order(List<BriefId> cards) {
        for (int i = 0; i < cards.size(); i++) {
            jdbc.sql("UPDATE board_cards SET position = ? WHERE brief_id = ? AND position <> ?").params(i, cards.get(i).value(), i).update();
        }
    }

    public boolean remove(BriefId brief) {
        return jdbc.sql("DELETE FROM board_cards WHERE brief_id = ?").param(brief.value()).update() == 1;
    }

    /** A brief's title and intake status, for messages and the intake check. */
    public record Subject(String title, BriefStatus status) {}

    /** @return empty when there is no such brief */
    public Optional<Subject> subject(BriefId brief) {
        return jdbc.sql("SELECT title, status FROM briefs WHERE id = ?").param(brief.value())
                .query((rs, n) -> new Subject(rs.getString(1), BriefStatus.valueOf(rs.getString(2)))).optional();
    }
}
