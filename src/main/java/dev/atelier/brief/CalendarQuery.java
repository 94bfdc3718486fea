package dev.atelier.brief;

import dev.atelier.identity.Actor;
import java.time.LocalDate;

/**
 * What a {@link CalendarSource} is asked for.
 *
 * @param viewer who looks; sources leave out what this user may not see
 * @param from the first day, inclusive
 * @param to the last day, inclusive; never before {@code from}
 * @param mineOnly only entries that concern the viewer (for briefs: owner or assignee)
 */
public record CalendarQuery(Actor viewer, LocalDate from, LocalDate to, boolean mineOnly) {

    public CalendarQuery {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("range ends before it starts");
        }
    }
}
