package dev.atelier.brief;

import dev.atelier.shared.ConflictException;
import java.util.Map;

/**
 * Someone else moved the card since the mover last saw it; a 409 problem naming where the card is
 * now, so the board can refresh and the mover decide again.
 */
public class CardMovedMeanwhileException extends ConflictException {

    private final BoardColumn current;
    private final long version;

    public CardMovedMeanwhileException(String title, BoardColumn current, long version) {
        super("Someone else moved \"" + title + "\" meanwhile; it is now in \"" + current.name()
                + "\". The board shows where it is now; move it again if you still want to.");
        this.current = current;
        this.version = version;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("column", current.id().toString(), "columnName", current.name(), "version", version);
    }
}
