package dev.atelier.brief;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.asset.AssetId;
import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import dev.atelier.metadata.TaxonomyManagement;
import dev.atelier.testsupport.Api;
import dev.atelier.testsupport.IntegrationTest;
import dev.atelier.testsupport.Multipart;
import dev.atelier.testsupport.TestImages;
import dev.atelier.testsupport.UniqueWords;
import java.awt.Color;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;

/** Boards over HTTP: cards following intake, moves, WIP limits, filters and column changes. */
class BoardTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    TaxonomyManagement taxonomy;

    @Autowired
    Clock clock;

    Actor admin;
    BoardFixtures briefs;
    String board;
    List<String> columns;

    @BeforeEach
    void board() {
        admin = users.findByUsername("admin").orElseThrow().asActor();
        briefs = new BoardFixtures(jdbc, events, transactions, admin.id());
        var created = admin().json("POST", "/api/v1/boards", "{\"name\":\"Team " + UniqueWords.next() + "\"}");
        assertThat(created.status()).isEqualTo(201);
        board = created.json().get("id").asString();
        columns = StreamSupport.stream(created.json().get("columns").spliterator(), false).map(c -> c.get("id").asString()).toList();
    }

    @Test
    void putsSubmittedBriefsAtTheEndOfTheFirstColumnOnceAndTakesThemOffWhenReturnedOrRejected() {
        BriefId first = briefs.submitted(id(), "First", null);
        BriefId second = briefs.submitted(id(), "Second", null);
        BriefId third = briefs.submitted(id(), "Third", null);
        briefs.draftAnnouncedAsSubmitted(id(), "Incomplete");
        move(first, columns.get(1), null, 0);
        briefs.resubmit(first, id());

        assertThat(titles(0)).containsExactly("Second", "Third");
        assertThat(titles(1)).containsExactly("First");

        briefs.decide(second, id(), BriefStatus.RETURNED);
        briefs.decide(third, id(), BriefStatus.REJECTED);
        briefs.decide(first, id(), BriefStatus.ACCEPTED);

        assertThat(titles(0)).isEmpty();
        assertThat(column(view(""), 1).get("cards").get(0).get("status").asString()).isEqualTo("ACCEPTED");
    }

    @Test
    void placesAMovedCardAboveTheOneItIsDroppedOnAndBumpsOnlyItsVersion() {
        BriefId a = briefs.submitted(id(), "A", null);
        BriefId b = briefs.submitted(id(), "B", null);
        BriefId c = briefs.submitted(id(), "C", null);

        var moved = move(c, columns.getFirst(), a.toString(), 0);

        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().get("version").asLong()).isEqualTo(1);
        assertThat(titles(0)).containsExactly("C", "A", "B");
        assertThat(move(c, columns.getFirst(), null, 1).json().get("position").asInt()).isEqualTo(2);
        assertThat(titles(0)).containsExactly("A", "B", "C");
        assertThat(column(view(""), 0).get("cards").get(0).get("version").asLong()).isZero();
    }

    @Test
    void answersAStaleMoveWith409NamingTheCardsColumnAndLetsViewersNotMoveAtAll() {
        BriefId a = briefs.submitted(id(), "Stale", null);
        move(a, columns.get(2), null, 0);

        var stale = move(a, columns.get(1), null, 0);

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("type").asString()).isEqualTo("/problems/conflict");
        assertThat(stale.json().get("detail").asString()).contains("Someone else moved \"Stale\"", "\"In review\"");
        assertThat(stale.json().get("column").asString()).isEqualTo(columns.get(2));
        Api viewer = as("board-viewer", Role.VIEWER);
        assertThat(viewer.json("POST", "/api/v1/boards/" + board + "/cards/" + a + "/move",
                "{\"column\":\"" + columns.get(1) + "\",\"version\":1}").status()).isEqualTo(403);
        assertThat(as("board-contributor", Role.CONTRIBUTOR).json("POST", "/api/v1/boards/" + board + "/cards/" + a + "/move",
                "{\"column\":\"" + columns.get(1) + "\",\"version\":1}").status()).isEqualTo(200);
    }

    @Test
    void refusesAMoveIntoAFullColumnButNotAMoveWithinIt() {
        BriefId a = briefs.submitted(id(), "A", null);
        BriefId b = briefs.submitted(id(), "B", null);
        assertThat(admin().json("PUT", "/api/v1/boards/" + board + "/columns/" + columns.get(1) + "/wip-limit", "{\"limit\":1}").status())
                .isEqualTo(200);
        move(a, columns.get(1), null, 0);

        var full = move(b, columns.get(1), null, 0);

        assertThat(full.status()).isEqualTo(409);
        assertThat(full.json().get("type").asString()).isEqualTo("/problems/wip-limit");
        assertThat(full.json().get("detail").asString()).isEqualTo(
                "\"In progress\" already holds 1 card, its limit. Finish or move one of them first, or raise the limit.");
        assertThat(move(a, columns.get(1), null, 1).status()).isEqualTo(200);
        assertThat(column(view(""), 1).get("wipLimit").asInt()).isEqualTo(1);
        assertThat(admin().delete("/api/v1/boards/" + board + "/columns/" + columns.get(1) + "/wip-limit").status()).isEqualTo(200);
        assertThat(move(b, columns.get(1), null, 0).status()).isEqualTo(200);
    }

    @Test
    void filtersByAssigneeChannelAndDueAndShowsWhatACardNeeds() {
        LocalDate today = LocalDate.now(clock);
        var channels = taxonomy.createVocabulary(admin, "Channels " + UniqueWords.next());
        var social = taxonomy.addTerm(admin, channels.id(), Optional.empty(), "Social", List.of());
        var assignee = users.createUser(admin, "assignee-" + UniqueWords.next(), "Ada Assignee", PASSWORD, Role.CONTRIBUTOR);
        BriefId late = briefs.submitted(id(), "Late", today.minusDays(1));
        BriefId soon = briefs.submitted(id(), "Soon", today.plusDays(3));
        briefs.submitted(id(), "Later", today.plusDays(20));
        briefs.submitted(id(), "Whenever", null);
        BriefId doneLate = briefs.submitted(id(), "Done late", today.minusDays(2));
        move(doneLate, columns.getLast(), null, 0);
        briefs.assign(late, assignee.id());
        briefs.channel(soon, social.id());
        AssetId draft = AssetId.parse(admin().upload("/api/v1/assets", Multipart.file("draft.png", null, TestImages.png(40, 30, Color.RED)))
                .json().get("id").asString());
        briefs.draftAsset(late, draft, Instant.now());

        assertThat(titles("due=overdue")).containsExactly("Late");
        assertThat(titles("due=next-7-days")).containsExactly("Soon");
        assertThat(titles("due=next-30-days")).containsExactly("Soon", "Later");
        assertThat(titles("due=no-date")).containsExactly("Whenever");
        assertThat(titles("assignee=" + assignee.id().value())).containsExactly("Late");
        assertThat(titles("channel=" + social.id() + "&due=next-7-days")).containsExactly("Soon");
        JsonNode card = column(view("assignee=" + assignee.id().value()), 0).get("cards").get(0);
        assertThat(card.get("assignees").get(0).asString()).isEqualTo("Ada Assignee");
        assertThat(card.get("overdue").asBoolean()).isTrue();
        assertThat(card.get("thumbnail").asString()).isEqualTo("/api/v1/assets/" + draft + "/renditions/thumbnail");
        assertThat(column(view(""), 3).get("cards").get(0).get("overdue").asBoolean()).isFalse();
        assertThat(column(view(""), 0).get("cardCount").asInt()).isEqualTo(4);
        assertThat(admin().get("/api/v1/boards/" + board + "?due=someday").status()).isEqualTo(400);
    }

    @Test
    void refusesToDeleteAColumnThatHoldsCardsAndReordersAndRenamesColumns() {
        BriefId a = briefs.submitted(id(), "Holding", null);

        var refused = admin().delete("/api/v1/boards/" + board + "/columns/" + columns.getFirst());

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).isEqualTo("\"Intake\" still holds 1 card. Move them to another column first.");
        move(a, columns.get(1), null, 0);
        assertThat(admin().delete("/api/v1/boards/" + board + "/columns/" + columns.getFirst()).status()).isEqualTo(204);
        var patched = admin().json("PATCH", "/api/v1/boards/" + board + "/columns/" + columns.getLast(), "{\"name\":\"Shipped\",\"position\":0}");
        assertThat(StreamSupport.stream(patched.json().get("columns").spliterator(), false).map(c -> c.get("name").asString()))
                .containsExactly("Shipped", "In progress", "In review");
        assertThat(admin().json("POST", "/api/v1/boards/" + board + "/columns", "{\"name\":\"shipped\"}").status()).isEqualTo(409);
        assertThat(as("board-contributor", Role.CONTRIBUTOR).json("POST", "/api/v1/boards", "{\"name\":\"Mine\"}").status()).isEqualTo(403);
    }

    private java.util.UUID id() {
        return java.util.UUID.fromString(board);
    }

    private Api.Response move(BriefId brief, String column, String before, long version) {
        return admin().json("POST", "/api/v1/boards/" + board + "/cards/" + brief + "/move",
                "{\"column\":\"" + column + "\"," + (before == null ? "" : "\"before\":\"" + before + "\",") + "\"version\":" + version + "}");
    }

    private JsonNode view(String query) {
        var response = admin().get("/api/v1/boards/" + board + "?" + query);
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode column(JsonNode view, int index) {
        return view.get("columns").get(index);
    }

    private List<String> titles(int column) {
        return titlesIn(column(view(""), column));
    }

    /** Every card passing the filter, column by column. */
    private List<String> titles(String query) {
        return StreamSupport.stream(view(query).get("columns").spliterator(), false).flatMap(c -> titlesIn(c).stream()).toList();
    }

    private static List<String> titlesIn(JsonNode column) {
        return StreamSupport.stream(column.get("cards").spliterator(), false).map(c -> c.get("title").asString()).toList();
    }
}
