package dev.atelier.brief;

import java.time.LocalDate;
import java.util.Optional;

/**
 * One dated thing on the calendar: an all-day entry.
 *
 * @param key stable across calls and unique among all sources (e.g. {@code brief-due-<id>}); the
 *     iCalendar feeds make their event UIDs from it
 * @param title what the calendar shows, e.g. "Spring launch — due" or "Spring launch: Shoot"
 * @param link the path of the item the entry is about, e.g. {@code /briefs/<id>}
 * @param brief the brief it belongs to, when it belongs to one
 */
public record CalendarEntry(LocalDate date, Kind kind, String key, String title, String link, Optional<BriefId> brief) {

    /** Where an entry comes from; modules that add a {@link CalendarSource} add their kind here. */
    public enum Kind {
        BRIEF_DUE, MILESTONE;

        /** Deadlines are overdue once their day has passed; future kinds (publish dates) may not be. */
        public boolean deadline() {
            return true;
        }
    }

    /** Past its day, for deadlines (due today is not overdue). */
    public boolean overdue(LocalDate today) {
        return kind.deadline() && date.isBefore(today);
    }
}
