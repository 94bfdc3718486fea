package dev.atelier.brief.internal;

import dev.atelier.brief.BriefDecided;
import dev.atelier.brief.BriefStatus;
import dev.atelier.brief.BriefSubmitted;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts a submitted brief's card at the bottom of its board's first column, and takes it off when
 * the brief is returned or rejected. Runs in the intake's own transaction (a plain, synchronous
 * listener), so a brief and its card change together or not at all.
 */
@Component
class CardsFollowBriefs {

    private static final Logger log = LoggerFactory.getLogger(CardsFollowBriefs.class);

    private final Boards boards;
    private final Cards cards;

    CardsFollowBriefs(Boards boards, Cards cards) {
        this.boards = boards;
        this.cards = cards;
    }

    /** Idempotent: a brief that has a card keeps it where it is. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(BriefSubmitted submitted) {
        if (submitted.board().isEmpty()) {
            return;
        }
        UUID board = submitted.board().get();
        // only a brief that passed intake validation gets a card, whatever the event says
        if (!cards.subject(submitted.brief()).map(s -> s.status().onBoard()).orElse(false)) {
            log.warn("brief {} was announced as submitted but is not; it gets no card", submitted.brief());
            return;
        }
        if (!boards.lock(board) || cards.find(submitted.brief()).isPresent()) {
            return;
        }
        boards.columns(board).stream().findFirst().ifPresent(first -> cards.append(submitted.brief(), board, first.id()));
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(BriefDecided decided) {
        if (decided.outcome() != BriefStatus.RETURNED && decided.outcome() != BriefStatus.REJECTED) {
            return;
        }
        cards.find(decided.brief()).ifPresent(card -> {
            boards.lock(card.board());
            cards.remove(decided.brief());
        });
    }
}
