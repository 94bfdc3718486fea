package dev.atelier.brief.internal;

import dev.atelier.brief.CalendarQuery;
import java.util.HashMap;
import java.util.Map;

/**
 * The conditions both brief calendar sources share: rejected briefs are closed and stay off the
 * calendar, a draft is its owner's until submitted, and "mine" means owner or assignee.
 */
final class BriefCalendarSql {

    private BriefCalendarSql() {
    }

    /** Conditions on {@code b} (briefs), with {@code :viewer} as parameter. */
    static String visible(boolean mineOnly) {
        String visible = " AND b.status <> 'REJECTED' AND (b.status <> 'DRAFT' OR b.owner_id = :viewer)";
        return mineOnly ? visible + " AND " + MINE : visible;
    }

    /** The viewer owns the brief {@code b} or is one of its assignees. */
    static final String MINE = """
            (b.owner_id = :viewer OR EXISTS (SELECT 1 FROM brief_assignees a WHERE a.brief_id = b.id AND a.user_id = :viewer))""";

    static Map<String, Object> parameters(CalendarQuery query) {
        Map<String, Object> p = new HashMap<>();
        p.put("viewer", query.viewer().id().value());
        p.put("from", query.from());
        p.put("to", query.to());
        return p;
    }
}
