package dev.atelier.brief;

import java.util.List;

/**
 * Something that puts dated entries on the calendar. {@link CalendarManagement} asks every
 * source in the application for the range and merges their answers, so the page, the API and the
 * iCalendar feeds show whatever sources exist without knowing them.
 *
 * <p>The brief module's own sources are the first implementations (briefs' due dates and their
 * milestones). Other modules implement it when they land — distribution for publish dates,
 * rights for licence expiries — as a bean in their {@code internal} package; their module then
 * depends on {@code brief}, never the other way round.
 *
 * <p>Contract: return only entries whose date lies in {@code [query.from(), query.to()]}
 * (inclusive), only what {@code query.viewer()} may see, and for {@link CalendarQuery#mineOnly()}
 * only what concerns the viewer personally. Order does not matter; the caller sorts. Each
 * entry's {@link CalendarEntry#key()} must be stable across calls, since calendar clients use it
 * to recognise an event they already have.
 */
public interface CalendarSource {

    List<CalendarEntry> entries(CalendarQuery query);
}
