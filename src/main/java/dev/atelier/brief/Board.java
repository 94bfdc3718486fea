package dev.atelier.brief;

import dev.atelier.identity.UserId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A project or team board: its columns, left to right, are the work statuses of the briefs whose
 * cards are on it. The last column counts as done.
 */
public record Board(UUID id, String name, List<BoardColumn> columns, UserId createdBy, Instant createdAt) {

    public static final int MAX_NAME = 200;
    public static final List<String> DEFAULT_COLUMNS = List.of("Intake", "In progress", "In review", "Done");

    public Board {
        columns = List.copyOf(columns);
    }

    public boolean isDone(UUID column) {
        return !columns.isEmpty() && columns.getLast().id().equals(column);
    }
}
