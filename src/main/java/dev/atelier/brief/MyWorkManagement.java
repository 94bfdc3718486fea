package dev.atelier.brief;

import dev.atelier.brief.internal.MyWorkQueries;
import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The "My work" lists: assigned to me, due soon, waiting on me. */
@Service
public class MyWorkManagement {

    /** How far ahead "due soon" looks, in days from today. */
    public static final int DUE_SOON_DAYS = 14;

    private final MyWorkQueries queries;
    private final CalendarManagement calendar;
    private final Clock clock;

    MyWorkManagement(MyWorkQueries queries, CalendarManagement calendar, Clock clock) {
        this.queries = queries;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * The actor's work. "Due soon" holds every entry of the calendar's sources that concerns the
     * actor and is overdue (however long ago) or due within {@link #DUE_SOON_DAYS} days.
     */
    @Transactional(readOnly = true)
    public MyWork of(Actor actor) {
        LocalDate today = LocalDate.now(clock);
        var dueSoon = calendar.collect(new CalendarQuery(actor, LocalDate.EPOCH, today.plusDays(DUE_SOON_DAYS), true));
        return new MyWork(queries.assigned(actor.id()), dueSoon, queries.waitingOn(actor.id(), actor.has(Role.MANAGER)));
    }
}
