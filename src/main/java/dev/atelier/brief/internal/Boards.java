package dev.atelier.brief.internal;

import dev.atelier.brief.Board;
import dev.atelier.brief.BoardColumn;
import dev.atelier.identity.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code boards} and {@code board_columns} tables. */
@Repository
public class Boards {

    private final JdbcClient jdbc;

    Boards(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Board board) {
        jdbc.sql("INSERT INTO boards (id, name, created_by, created_at, revision) VALUES (?, ?, ?, ?, 0)")
                .params(board.id(), board.name(), board.createdBy().value(), Timestamp.from(board.createdAt())).update();
        board.columns().forEach(this::insertColumn);
    }

    public void rename(UUID board, String name) {
        jdbc.sql("UPDATE boards SET name = ? WHERE id = ?").params(name, board).update();
    }

    /**
     * Takes the board's row lock until the transaction ends, so changes of its cards and columns
     * happen one after the other.
     *
     * @return whether the board exists
     */
    public boolean lock(UUID board) {
        return jdbc.sql("UPDATE boards SET revision = revision + 1 WHERE id = ?").param(board).update() == 1;
    }

    public Optional<Board> find(UUID id) {
        return jdbc.sql("SELECT * FROM boards WHERE id = ?").param(id).query((rs, n) -> map(rs)).optional();
    }

    public List<Board> all() {
        return jdbc.sql("SELECT * FROM boards ORDER BY LOWER(name), id").query((rs, n) -> map(rs)).list();
    }

    public void insertColumn(BoardColumn c) {
        jdbc.sql("INSERT INTO board_columns (id, board_id, name, position, wip_limit) VALUES (?, ?, ?, ?, ?)")
                .params(c.id(), c.board(), c.name(), c.position(), c.wipLimit().orElse(null)).update();
    }

    public void updateColumn(BoardColumn c) {
        jdbc.sql("UPDATE board_columns SET name = ?, position = ?, wip_limit = ? WHERE id = ?")
                .params(c.name(), c.position(), c.wipLimit().orElse(null), c.id()).update();
    }

    public void deleteColumn(UUID column) {
        jdbc.sql("DELETE FROM board_columns WHERE id = ?").param(column).update();
    }

    public List<BoardColumn> columns(UUID board) {
        return jdbc.sql("SELECT * FROM board_columns WHERE board_id = ? ORDER BY position, id").param(board)
                .query((rs, n) -> column(rs)).list();
    }

    private Board map(ResultSet rs) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        return new Board(id, rs.getString("name"), columns(id), new UserId(rs.getObject("created_by", UUID.class)),
                rs.getTimestamp("created_at").toInstant());
    }

    private static BoardColumn column(ResultSet rs) throws SQLException {
        Optional<Integer> limit = Optional.ofNullable(rs.getObject("wip_limit", Integer.class));
        return new BoardColumn(rs.getObject("id", UUID.class), rs.getObject("board_id", UUID.class), rs.getString("name"),
                rs.getInt("position"), limit);
    }
}
