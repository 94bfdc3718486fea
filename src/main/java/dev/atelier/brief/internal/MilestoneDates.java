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

/** The milestones of briefs' milestone-list fields on the calendar: "Spring launch: Shoot". */
@Component
class MilestoneDates implements CalendarSource {

    private final JdbcClient jdbc;

    MilestoneDates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<CalendarEntry> entries(CalendarQuery query) {
        return jdbc.sql("""
                        SELECT b.id, b.title, m.field_key, m.position, m.name, m.due_on
                        FROM brief_milestones m JOIN briefs b ON b.id = m.brief_id
                        WHERE m.due_on BETWEEN :from AND :to""" + BriefCalendarSql.visible(query.mineOnly()))
                .params(BriefCalendarSql.parameters(query))
                .query((rs, row) -> {
                    BriefId id = new BriefId(rs.getObject("id", UUID.class));
                    String key = "milestone-" + id + "-" + rs.getString("field_key") + "-" + rs.getInt("position");
                    return new CalendarEntry(rs.getObject("due_on", LocalDate.class), CalendarEntry.Kind.MILESTONE, key,
                            rs.getString("title") + ": " + rs.getString("name"), "/briefs/" + id, Optional.of(id));
                })
                .list();
    }
}
