package dev.atelier.brief;

import dev.atelier.shared.ProblemException;
import java.net.URI;
import java.util.Map;

/** A card was moved into a column that holds as many cards as its WIP limit allows; a 409 problem of its own type. */
public class WipLimitReachedException extends ProblemException {

    public static final URI TYPE = URI.create("/problems/wip-limit");

    private final BoardColumn column;

    public WipLimitReachedException(BoardColumn column, int limit) {
        super(409, TYPE, "Work-in-progress limit reached", "\"" + column.name() + "\" already holds " + limit
                + (limit == 1 ? " card" : " cards") + ", its limit. Finish or move one of them first, or raise the limit.");
        this.column = column;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("column", column.id().toString(), "wipLimit", column.wipLimit().orElse(0));
    }
}
