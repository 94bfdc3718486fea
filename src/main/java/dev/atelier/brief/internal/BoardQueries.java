package dev.atelier.brief.internal;

import dev.atelier.asset.AssetId;
import dev.atelier.brief.BoardFilter;
import dev.atelier.brief.BriefId;
import dev.atelier.brief.BriefStatus;
import dev.atelier.identity.UserId;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads a board's cards with what they show, filtered; and what the filter form offers. */
@Repository
public class BoardQueries {

    private final JdbcClient jdbc;

    BoardQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One card's stored facts; {@code draft} is the newest DRAFT asset linked to the brief. */
    public record CardRow(BriefId brief, UUID column, String title, BriefStatus status, Optional<LocalDate> due, Optional<AssetId> draft,
            long version) {}

    /**
     * The board's cards passing the filter, in column order (top to bottom).
     *
     * @param done the board's last column: its cards are never overdue
     */
    public List<CardRow> cards(UUID board, BoardFilter filter, LocalDate today, Optional<UUID> done) {
        StringBuilder sql = new StringBuilder("""
                SELECT c.brief_id, c.column_id, c.version, b.title, b.status, b.due_on,
                  (SELECT a.asset_id FROM brief_assets a WHERE a.brief_id = c.brief_id AND a.role = 'DRAFT'
                   ORDER BY a.added_at DESC, a.asset_id DESC FETCH FIRST 1 ROWS ONLY) AS draft
                FROM board_cards c JOIN briefs b ON b.id = c.brief_id
                WHERE c.board_id = :board""");
        Map<String, Object> params = new HashMap<>(Map.of("board", board));
        filter.assignee().ifPresent(a -> {
            sql.append(" AND EXISTS (SELECT 1 FROM brief_assignees x WHERE x.brief_id = c.brief_id AND x.user_id = :assignee)");
            params.put("assignee", a.value());
        });
        filter.channel().ifPresent(t -> {
            sql.append(" AND EXISTS (SELECT 1 FROM brief_terms t WHERE t.brief_id = c.brief_id AND t.kind = 'CHANNELS' AND t.term_id = :channel)");
            params.put("channel", t);
        });
        filter.due().ifPresent(d -> due(d, today, done, sql, params));
        sql.append(" ORDER BY c.position, c.brief_id");
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> new CardRow(new BriefId(rs.getObject("brief_id", UUID.class)),
                rs.getObject("column_id", UUID.class), rs.getString("title"), BriefStatus.valueOf(rs.getString("status")),
                Optional.ofNullable(rs.getObject("due_on", LocalDate.class)),
                Optional.ofNullable(rs.getObject("draft", UUID.class)).map(AssetId::new), rs.getLong("version"))).list();
    }

    private static void due(BoardFilter.Due due, LocalDate today, Optional<UUID> done, StringBuilder sql, Map<String, Object> params) {
        params.put("today", Date.valueOf(today));
        switch (due) {
            case OVERDUE -> {
                sql.append(" AND b.due_on < :today");
                done.ifPresent(d -> {
                    sql.append(" AND c.column_id <> :done");
                    params.put("done", d);
                });
            }
            case NEXT_7_DAYS, NEXT_30_DAYS -> {
                sql.append(" AND b.due_on >= :today AND b.due_on <= :until");
                params.put("until", Date.valueOf(due.until(today).orElseThrow()));
            }
            case NO_DATE -> sql.append(" AND b.due_on IS NULL");
        }
    }

    /** The assignees of every card on the board, by brief, in a stable order. */
    public Map<BriefId, List<UserId>> assignees(UUID board) {
        Map<BriefId, List<UserId>> byBrief = new HashMap<>();
        jdbc.sql("""
                SELECT a.brief_id, a.user_id FROM brief_assignees a JOIN board_cards c ON c.brief_id = a.brief_id
                WHERE c.board_id = ? ORDER BY a.brief_id, a.user_id""").param(board)
                .query((rs, n) -> Map.entry(new BriefId(rs.getObject(1, UUID.class)), new UserId(rs.getObject(2, UUID.class))))
                .list().forEach(e -> byBrief.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return byBrief;
    }

    /** The channel terms any card on the board holds. */
    public List<UUID> channels(UUID board) {
        return jdbc.sql("""
                SELECT DISTINCT t.term_id FROM brief_terms t JOIN board_cards c ON c.brief_id = t.brief_id
                WHERE c.board_id = ? AND t.kind = 'CHANNELS'""").param(board).query(UUID.class).list();
    }
}
