package dev.atelier.brief.internal;

import dev.atelier.brief.BriefId;
import dev.atelier.brief.BriefStatus;
import dev.atelier.brief.MyWork.Item;
import dev.atelier.identity.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The brief lists of the "My work" page, read straight from the tables. */
@Repository
public class MyWorkQueries {

    static final String TO_DECIDE = "submitted, waiting for your intake decision";
    static final String RETURNED = "returned to you to fix";

    private final JdbcClient jdbc;

    MyWorkQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Item> assigned(UserId user) {
        return jdbc.sql("""
                        SELECT b.id, b.title, b.status, b.due_on FROM briefs b
                        JOIN brief_assignees a ON a.brief_id = b.id AND a.user_id = :user
                        WHERE b.status <> 'REJECTED' AND (b.status <> 'DRAFT' OR b.owner_id = :user)
                        ORDER BY CASE WHEN b.due_on IS NULL THEN 1 ELSE 0 END, b.due_on, b.title""")
                .param("user", user.value()).query((rs, row) -> item(rs, "")).list();
    }

    /**
     * Submitted briefs whose template names the user as intake reviewer, or — when the template names
     * none — any submitted brief for a manager; then the user's own returned briefs.
     */
    public List<Item> waitingOn(UserId user, boolean manager) {
        return jdbc.sql("""
                        SELECT b.id, b.title, b.status, b.due_on, b.submitted_at AS since FROM briefs b
                        WHERE b.status = 'SUBMITTED' AND (
                            EXISTS (SELECT 1 FROM brief_template_reviewers r WHERE r.template_id = b.template_id AND r.user_id = :user)
                            OR (:manager AND NOT EXISTS (SELECT 1 FROM brief_template_reviewers r WHERE r.template_id = b.template_id)))
                        UNION ALL
                        SELECT b.id, b.title, b.status, b.due_on, b.decided_at AS since FROM briefs b
                        WHERE b.status = 'RETURNED' AND b.owner_id = :user
                        ORDER BY since, title""")
                .param("user", user.value()).param("manager", manager)
                .query((rs, row) -> item(rs, rs.getString("status").equals("RETURNED") ? RETURNED : TO_DECIDE)).list();
    }

    private static Item item(ResultSet rs, String reason) throws SQLException {
        return new Item(new BriefId(rs.getObject("id", UUID.class)), rs.getString("title"), BriefStatus.valueOf(rs.getString("status")),
                Optional.ofNullable(rs.getObject("due_on", LocalDate.class)), reason);
    }
}
