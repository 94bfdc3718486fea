package dev.atelier.brief.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.asset.AssetId;
import dev.atelier.asset.internal.Assets;
import dev.atelier.brief.Board;
import dev.atelier.brief.BoardColumn;
import dev.atelier.brief.BoardFilter;
import dev.atelier.brief.BriefId;
import dev.atelier.identity.UserId;
import dev.atelier.identity.internal.Users;
import dev.atelier.testsupport.StoredAssets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The board tables and the board view's query, run once on H2 and once on PostgreSQL by the subclasses. */
@JdbcTest
@Import({Boards.class, Cards.class, BoardQueries.class, Users.class, Assets.class})
abstract class BoardRowsTests {

    @Autowired
    Boards boards;

    @Autowired
    Cards cards;

    @Autowired
    BoardQueries queries;

    @Autowired
    Users users;

    @Autowired
    Assets assets;

    @Autowired
    JdbcClient jdbc;

    final Instant t0 = Instant.parse("2026-03-01T10:00:00Z");
    final LocalDate today = LocalDate.parse("2026-03-01");
    UserId owner;
    UUID template;
    Board board;

    @BeforeEach
    void board() {
        AssetId any = StoredAssets.insert(users, assets, 1, "image/png", t0);
        owner = assets.findById(any).orElseThrow().ownerId();
        template = UUID.randomUUID();
        jdbc.sql("INSERT INTO brief_templates (id, name, description, archived, revision, created_by, created_at) VALUES (?, 't', '', FALSE, 1, ?, ?)")
                .params(template, owner.value(), Timestamp.from(t0)).update();
        UUID id = UUID.randomUUID();
        board = new Board(id, "Team", List.of(new BoardColumn(UUID.randomUUID(), id, "Doing", 0, Optional.of(2)),
                new BoardColumn(UUID.randomUUID(), id, "Done", 1, Optional.empty())), owner, t0);
        boards.insert(board);
    }

    @Test
    void roundTripsABoardWithItsColumnsAndLocksItsRow() {
        assertThat(boards.find(board.id()).orElseThrow()).isEqualTo(board);
        assertThat(boards.lock(board.id())).isTrue();
        assertThat(boards.lock(UUID.randomUUID())).isFalse();
    }

    @Test
    void appendsCardsAtTheBottomAndOrdersThem() {
        BriefId a = brief("A", null);
        BriefId b = brief("B", null);
        UUID doing = board.columns().getFirst().id();
        cards.append(a, board.id(), doing);
        cards.append(b, board.id(), doing);

        assertThat(cards.inColumn(doing)).containsExactly(a, b);
        cards.order(List.of(b, a));
        assertThat(cards.inColumn(doing)).containsExactly(b, a);
        assertThat(cards.counts(board.id())).containsEntry(doing, 2).hasSize(1);
    }

    @Test
    void readsTheLatestDraftAndFiltersByDue() {
        BriefId late = brief("Late", today.minusDays(1));
        BriefId soon = brief("Soon", today.plusDays(2));
        BriefId doneLate = brief("Done late", today.minusDays(3));
        UUID doing = board.columns().getFirst().id();
        UUID done = board.columns().getLast().id();
        cards.append(late, board.id(), doing);
        cards.append(soon, board.id(), doing);
        cards.append(doneLate, board.id(), done);
        AssetId older = StoredAssets.insert(users, assets, 1, "image/png", t0);
        AssetId newer = StoredAssets.insert(users, assets, 1, "image/png", t0);
        draft(late, older, t0);
        draft(late, newer, t0.plusSeconds(60));

        var all = queries.cards(board.id(), BoardFilter.NONE, today, Optional.of(done));
        var overdue = queries.cards(board.id(), filter(BoardFilter.Due.OVERDUE), today, Optional.of(done));
        var week = queries.cards(board.id(), filter(BoardFilter.Due.NEXT_7_DAYS), today, Optional.of(done));

        assertThat(all).extracting(BoardQueries.CardRow::title).containsExactlyInAnyOrder("Late", "Done late", "Soon");
        assertThat(all).filteredOn(c -> c.brief().equals(late)).singleElement().satisfies(c -> assertThat(c.draft()).contains(newer));
        
        assertThat(overdue).extracting(BoardQueries.CardRow::title).containsExactly("Late");
        assertThat(week).extracting(BoardQueries.CardRow::title).containsExactly("Soon");
    }

    private static BoardFilter filter(BoardFilter.Due due) {
        return new BoardFilter(Optional.empty(), Optional.empty(), Optional.of(due));
    }

    private BriefId brief(String title, LocalDate due) {
        BriefId id = new BriefId(UUID.randomUUID());
        jdbc.sql("""
                INSERT INTO briefs (id, template_id, title, owner_id, status, due_on, board_id, revision, created_at, updated_at)
                VALUES (?, ?, ?, ?, 'SUBMITTED', ?, ?, 1, ?, ?)""")
                .params(id.value(), template, title, owner.value(), due == null ? null : Date.valueOf(due), board.id(), Timestamp.from(t0),
                        Timestamp.from(t0)).update();
        return id;
    }

    private void draft(BriefId brief, AssetId asset, Instant at) {
        jdbc.sql("INSERT INTO brief_assets (brief_id, asset_id, role, field_key, added_by, added_at) VALUES (?, ?, 'DRAFT', '', ?, ?)")
                .params(brief.value(), asset.value(), owner.value(), Timestamp.from(at)).update();
    }
}
