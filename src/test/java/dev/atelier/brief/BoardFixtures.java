package dev.atelier.brief;

import dev.atelier.asset.AssetId;
import dev.atelier.identity.UserId;
import dev.atelier.shared.Ids;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Briefs for board tests, written straight into the tables, with the intake events published in
 * the same transaction as a real intake would. Stands in for BriefManagement until it lands.
 */
public final class BoardFixtures {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final UserId owner;
    private @Nullable UUID template;

    public BoardFixtures(JdbcClient jdbc, ApplicationEventPublisher events, PlatformTransactionManager transactions, UserId owner) {
        this.jdbc = jdbc;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
        this.owner = owner;
    }

    /** A brief that passed intake: its card goes on the board. */
    public BriefId submitted(UUID board, String title, @Nullable LocalDate due) {
        return tx.execute(s -> {
            BriefId brief = insert(board, title, due, BriefStatus.SUBMITTED);
            events.publishEvent(new BriefSubmitted(brief, Optional.of(board), owner));
            return brief;
        });
    }

    /** A draft brief whose submission event fires anyway (as a buggy caller might): it must get no card. */
    public BriefId draftAnnouncedAsSubmitted(UUID board, String title) {
        return tx.execute(s -> {
            BriefId brief = insert(board, title, null, BriefStatus.DRAFT);
            events.publishEvent(new BriefSubmitted(brief, Optional.of(board), owner));
            return brief;
        });
    }

    /** Submits the brief again (idempotence). */
    public void resubmit(BriefId brief, UUID board) {
        tx.executeWithoutResult(s -> events.publishEvent(new BriefSubmitted(brief, Optional.of(board), owner)));
    }

    public void decide(BriefId brief, UUID board, BriefStatus outcome) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("UPDATE briefs SET status = ?, decided_at = ?, decided_by = ? WHERE id = ?")
                    .params(outcome.name(), Timestamp.from(Instant.now()), owner.value(), brief.value()).update();
            events.publishEvent(new BriefDecided(brief, Optional.of(board), outcome, owner, ""));
        });
    }

    public void assign(BriefId brief, UserId user) {
        jdbc.sql("INSERT INTO brief_assignees (brief_id, user_id) VALUES (?, ?)").params(brief.value(), user.value()).update();
    }

    public void channel(BriefId brief, UUID term) {
        jdbc.sql("INSERT INTO brief_terms (brief_id, field_key, kind, term_id) VALUES (?, 'channels', 'CHANNELS', ?)")
                .params(brief.value(), term).update();
    }

    public void draftAsset(BriefId brief, AssetId asset, Instant at) {
        jdbc.sql("INSERT INTO brief_assets (brief_id, asset_id, role, field_key, added_by, added_at) VALUES (?, ?, 'DRAFT', '', ?, ?)")
                .params(brief.value(), asset.value(), owner.value(), Timestamp.from(at)).update();
    }

    private BriefId insert(UUID board, String title, @Nullable LocalDate due, BriefStatus status) {
        Timestamp now = Timestamp.from(Instant.now());
        BriefId brief = new BriefId(Ids.uuidV7());
        jdbc.sql("""
                INSERT INTO briefs (id, template_id, title, owner_id, status, due_on, board_id, revision, created_at, updated_at, submitted_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)""")
                .params(brief.value(), template(), title, owner.value(), status.name(), due == null ? null : Date.valueOf(due), board, now, now,
                        status == BriefStatus.DRAFT ? null : now)
                .update();
        return brief;
    }

    private UUID template() {
        if (template == null) {
            template = Ids.uuidV7();
            jdbc.sql("""
                    INSERT INTO brief_templates (id, name, description, archived, revision, created_by, created_at)
                    VALUES (?, ?, '', FALSE, 1, ?, ?)""").params(template, "Board fixture " + template, owner.value(),
                    Timestamp.from(Instant.now())).update();
        }
        return template;
    }
}
