package dev.atelier.brief.internal;

import dev.atelier.brief.BriefId;
import dev.atelier.brief.CalendarEntry;
import dev.atelier.brief.CalendarQuery;
import dev.atelier.brief.CalendarSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Briefs' due dates on the calendar: "Spring launch — due". */
@Component
class BriefDueDates implements CalendarSource {

    private final JdbcClient jdbc;

    BriefDueDates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<CalendarEntry> entries(CalendarQuery query) {
        return jdbc.sql("SELECT b.id, b.title, b.due_on FROM briefs b WHERE b.due_on BETWEEN :from AND :to"
                        + BriefCalendarSql.visible(query.mineOnly()))
                .params(BriefCalendarSql.parameters(query))
                .query((rs, row) -> {
                    BriefId id = new BriefId(rs.getObject("id", UUID.class));
                    return new CalendarEntry(rs.getObject("due_on", LocalDate.class), CalendarEntry.Kind.BRIEF_DUE, "brief-due-" + id,
                            rs.getString("title") + " — due", "/briefs/" + id, Optional.of(id));
                })
                .list();
    }
}
