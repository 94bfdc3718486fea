package dev.atelier.brief;

import dev.atelier.identity.Actor;
import dev.atelier.shared.InvalidRequestException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The calendar: dated entries of every {@link CalendarSource} in the application (briefs' due
 * dates and milestones today; publish dates and licence expiries when those modules add their
 * sources), merged and sorted by date.
 */
@Service
public class CalendarManagement {

    /** The longest range one query may ask for, in days: a year and a bit, enough for any view or feed. */
    public static final int MAX_DAYS = 400;

    static final Comparator<CalendarEntry> BY_DATE =
            Comparator.comparing(CalendarEntry::date).thenComparing(CalendarEntry::title).thenComparing(CalendarEntry::key);

    private final List<CalendarSource> sources;

    CalendarManagement(List<CalendarSource> sources) {
        this.sources = List.copyOf(sources);
    }

    /**
     * The entries from {@code from} to {@code to}, both inclusive, that the actor may see, sorted by
     * date then title. Rejected briefs are left out; drafts show to their owner only.
     *
     * @throws InvalidRequestException when the range ends before it starts or spans more than {@link #MAX_DAYS} days
     */
    @Transactional(readOnly = true)
    public List<CalendarEntry> entries(Actor actor, LocalDate from, LocalDate to, CalendarFilter filter) {
        if (to.isBefore(from)) {
            throw new InvalidRequestException("The range ends (" + to + ") before it starts (" + from + ").");
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new InvalidRequestException("A calendar range may span at most " + MAX_DAYS + " days; ask for shorter ranges.");
        }
        return collect(new CalendarQuery(actor, from, to, filter == CalendarFilter.MINE));
    }

    /** Every source's answer to the query, sorted; no range limit (callers in this module bound it themselves). */
    List<CalendarEntry> collect(CalendarQuery query) {
        return sources.stream().flatMap(s -> s.entries(query).stream()).sorted(BY_DATE).toList();
    }
}
