package dev.atelier.brief;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.identity.Actor;
import dev.atelier.testsupport.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** Two people dragging at once: different cards both keep their moves; the same card moves once, the other mover hears why. */
class CardMoveConcurrencyTests extends IntegrationTest {

    @Autowired
    BoardManagement boards;

    @Autowired
    CardManagement cards;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    Actor admin;
    BoardFixtures briefs;
    Board board;

    @BeforeEach
    void board() {
        admin = users.findByUsername("admin").orElseThrow().asActor();
        briefs = new BoardFixtures(jdbc, events, transactions, admin.id());
        board = boards.create(admin, "Concurrency " + System.nanoTime(), List.of());
    }

    @Test
    void keepsBothMovesWhenTwoPeopleMoveDifferentCardsAtTheSameMoment() throws Exception {
        BriefId a = briefs.submitted(board.id(), "A", null);
        BriefId b = briefs.submitted(board.id(), "B", null);
        var inProgress = board.columns().get(1).id();

        List<Object> outcomes = atOnce(
                () -> cards.move(admin, board.id(), a, inProgress, Optional.empty(), 0),
                () -> cards.move(admin, board.id(), b, inProgress, Optional.empty(), 0));

        assertThat(outcomes).allMatch(CardPlacement.class::isInstance);
        BoardView.Lane lane = cards.view(admin, board.id(), BoardFilter.NONE).lanes().get(1);
        assertThat(lane.cards()).extracting(BoardCard::brief).containsExactlyInAnyOrder(a, b);
        assertThat(lane.cards()).extracting(BoardCard::version).containsOnly(1L);
        assertThat(outcomes).extracting(o -> ((CardPlacement) o).position()).containsExactlyInAnyOrder(0, 1);
        assertThat(cards.view(admin, board.id(), BoardFilter.NONE).lanes().getFirst().cards()).isEmpty();
    }

    @Test
    void letsExactlyOneOfTwoMovesOfTheSameCardFromTheSameVersionWin() throws Exception {
        BriefId a = briefs.submitted(board.id(), "Contested", null);
        var inProgress = board.columns().get(1).id();
        var inReview = board.columns().get(2).id();

        List<Object> outcomes = atOnce(
                () -> cards.move(admin, board.id(), a, inProgress, Optional.empty(), 0),
                () -> cards.move(admin, board.id(), a, inReview, Optional.empty(), 0));

        assertThat(outcomes).filteredOn(CardPlacement.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(CardMovedMeanwhileException.class::isInstance).hasSize(1);
        CardPlacement won = (CardPlacement) outcomes.stream().filter(CardPlacement.class::isInstance).findFirst().orElseThrow();
        var lost = (CardMovedMeanwhileException) outcomes.stream().filter(CardMovedMeanwhileException.class::isInstance).findFirst().orElseThrow();
        assertThat(won.version()).isEqualTo(1);
        assertThat(lost.properties()).containsEntry("column", won.column().toString()).containsEntry("version", 1L);
        assertThat(lost.getMessage()).contains("Someone else moved \"Contested\"");
        BoardView view = cards.view(admin, board.id(), BoardFilter.NONE);
        assertThat(view.lanes()).flatExtracting(BoardView.Lane::cards).singleElement()
                .satisfies(c -> assertThat(c.column()).isEqualTo(won.column()));
    }

    /** Runs both at the same instant (a barrier), each in its own thread and transaction; an exception is an outcome too. */
    private static List<Object> atOnce(Callable<Object> first, Callable<Object> second) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<Object>> futures = new ArrayList<>();
            for (Callable<Object> task : List.of(first, second)) {
                futures.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    try {
                        return task.call();
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> f : futures) {
                outcomes.add(f.get(30, TimeUnit.SECONDS));
            }
            return outcomes;
        }
    }
}
