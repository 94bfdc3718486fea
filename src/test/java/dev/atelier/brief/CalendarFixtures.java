package dev.atelier.brief;

import dev.atelier.identity.UserId;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Templates, briefs, milestones, assignees and intake reviewers straight into their tables, for
 * the calendar and "My work" tests until briefs can be made through BriefManagement.
 */
public final class CalendarFixtures {

    private static final Timestamp AT = Timestamp.from(Instant.parse("2026-01-05T09:00:00Z"));

    private final JdbcClient jdbc;

    public CalendarFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A template whose intake reviewers are {@code reviewers} (none: any manager decides). */
    public UUID template(UserId createdBy, UserId... reviewers) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO brief_templates (id, name, description, archived, revision, created_by, created_at) VALUES (?, ?, '', FALSE, 1, ?, ?)")
                .params(id, "Template " + id, createdBy.value(), AT).update();
        for (UserId reviewer : reviewers) {
            jdbc.sql("INSERT INTO brief_template_reviewers (template_id, user_id) VALUES (?, ?)").params(id, reviewer.value()).update();
        }
        return id;
    }

    public BriefId brief(UUID template, UserId owner, String title, BriefStatus status, @Nullable LocalDate due) {
        BriefId id = new BriefId(UUID.randomUUID());
        jdbc.sql("""
                INSERT INTO briefs (id, template_id, title, owner_id, status, due_on, revision, created_at, updated_at, submitted_at, decided_at)
                VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)""")
                .params(id.value(), template, title, owner.value(), status.name(), due, AT, AT,
                        status == BriefStatus.DRAFT ? null : AT, status.onBoard() || status == BriefStatus.DRAFT ? null : AT)
                .update();
        return id;
    }

    public CalendarFixtures milestone(BriefId brief, String fieldKey, int position, String name, LocalDate due) {
        jdbc.sql("INSERT INTO brief_milestones (brief_id, field_key, position, name, due_on) VALUES (?, ?, ?, ?, ?)")
                .params(brief.value(), fieldKey, position, name, due).update();
        return this;
    }

    public CalendarFixtures assign(BriefId brief, UserId user) {
        jdbc.sql("INSERT INTO brief_assignees (brief_id, user_id) VALUES (?, ?)").params(brief.value(), user.value()).update();
        return this;
    }
}
