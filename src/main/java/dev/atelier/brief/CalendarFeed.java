package dev.atelier.brief;

import java.util.List;

/**
 * What a user's iCalendar feed holds.
 *
 * @param owner the username the feed belongs to, for the calendar's name
 * @param entries the user's own entries (owner or assignee), sorted by date
 */
public record CalendarFeed(String owner, List<CalendarEntry> entries) {

    public CalendarFeed {
        entries = List.copyOf(entries);
    }
}
