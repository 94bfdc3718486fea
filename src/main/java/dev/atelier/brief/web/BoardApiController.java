package dev.atelier.brief.web;

import dev.atelier.brief.Board;
import dev.atelier.brief.BoardCard;
import dev.atelier.brief.BoardColumn;
import dev.atelier.brief.BoardManagement;
import dev.atelier.brief.BoardView;
import dev.atelier.brief.BriefId;
import dev.atelier.brief.CardManagement;
import dev.atelier.brief.CardPlacement;
import dev.atelier.identity.Actor;
import dev.atelier.shared.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Boards")
class BoardApiController {

    private final BoardManagement boards;
    private final CardManagement cards;

    BoardApiController(BoardManagement boards, CardManagement cards) {
        this.boards = boards;
        this.cards = cards;
    }

    record BoardResource(String id, String name, List<ColumnResource> columns) {
        static BoardResource of(Board b) {
            return new BoardResource(b.id().toString(), b.name(), b.columns().stream().map(c -> ColumnResource.of(c, null, null)).toList());
        }
    }

    /** {@code cardCount} counts every card in the column, {@code cards} only those passing the filter. */
    record ColumnResource(String id, String name, int position, @Nullable Integer wipLimit, @Nullable Integer cardCount,
            @Nullable List<CardResource> cards) {
        static ColumnResource of(BoardColumn c, @Nullable Integer count, @Nullable List<CardResource> cards) {
            return new ColumnResource(c.id().toString(), c.name(), c.position(), c.wipLimit().orElse(null), count, cards);
        }
    }

    record CardResource(String briefId, String title, String status, List<String> assignees, @Nullable String due, boolean overdue,
            @Nullable String thumbnail, long version, String href) {
        static CardResource of(BoardCard c) {
            return new CardResource(c.brief().toString(), c.title(), c.status().name(), c.assignees(), c.due().map(Object::toString).orElse(null),
                    c.overdue(), c.draft().map(a -> "/api/v1/assets/" + a + "/renditions/thumbnail").orElse(null), c.version(),
                    "/briefs/" + c.brief());
        }
    }

    record NewBoard(@Nullable String name, @Nullable List<String> columns) {}

    record BoardPatch(@Nullable String name) {}

    record NewColumn(@Nullable String name, @Nullable Integer wipLimit) {}

    record ColumnPatch(@Nullable String name, @Nullable Integer position) {}

    record WipLimit(int limit) {}

    /** Where the card is now; {@code version} is what the next move must send. */
    record Placement(String briefId, String column, int position, long version) {
        static Placement of(CardPlacement p) {
            return new Placement(p.brief().toString(), p.column().toString(), p.position(), p.version());
        }
    }

    record Move(@Nullable String column, @Nullable String before, long version) {}

    @GetMapping("/api/v1/boards")
    List<BoardResource> list(Actor actor) {
        return boards.all(actor).stream().map(BoardResource::of).toList();
    }

    @Operation(summary = "Create a board (managers)", description = "columns: names left to right; default Intake, In progress, In review, Done.")
    @PostMapping("/api/v1/boards")
    ResponseEntity<BoardResource> create(Actor actor, @RequestBody NewBoard body) {
        Board b = boards.create(actor, body.name() == null ? "" : body.name(), body.columns() == null ? List.of() : body.columns());
        return ResponseEntity.created(URI.create("/api/v1/boards/" + b.id())).body(BoardResource.of(b));
    }

    @Operation(summary = "A board with its columns and cards",
            description = "Filters: assignee (user id), channel (taxonomy term id), due (overdue, next-7-days, next-30-days, no-date).")
    @GetMapping("/api/v1/boards/{id}")
    BoardResource get(Actor actor, @PathVariable UUID id, @RequestParam(required = false) @Nullable String assignee,
            @RequestParam(required = false) @Nullable String channel, @RequestParam(required = false) @Nullable String due) {
        BoardView view = cards.view(actor, id, BoardParameters.filter(assignee, channel, due));
        return new BoardResource(id.toString(), view.board().name(), view.lanes().stream()
                .map(l -> ColumnResource.of(l.column(), l.total(), l.cards().stream().map(CardResource::of).toList())).toList());
    }

    @PatchMapping("/api/v1/boards/{id}")
    BoardResource rename(Actor actor, @PathVariable UUID id, @RequestBody BoardPatch body) {
        return BoardResource.of(boards.rename(actor, id, body.name() == null ? "" : body.name()));
    }

    @Operation(summary = "Add a column at the right end (managers)")
    @PostMapping("/api/v1/boards/{id}/columns")
    ResponseEntity<ColumnResource> addColumn(Actor actor, @PathVariable UUID id, @RequestBody NewColumn body) {
        BoardColumn c = boards.addColumn(actor, id, body.name() == null ? "" : body.name());
        if (body.wipLimit() != null) {
            c = boards.setWipLimit(actor, id, c.id(), Optional.of(body.wipLimit()));
        }
        return ResponseEntity.created(URI.create("/api/v1/boards/" + id)).body(ColumnResource.of(c, null, null));
    }

    @Operation(summary = "Rename a column and/or move it to another position (0 = leftmost)")
    @PatchMapping("/api/v1/boards/{id}/columns/{columnId}")
    BoardResource changeColumn(Actor actor, @PathVariable UUID id, @PathVariable UUID columnId, @RequestBody ColumnPatch body) {
        if (body.name() != null) {
            boards.renameColumn(actor, id, columnId, body.name());
        }
        if (body.position() != null) {
            boards.moveColumn(actor, id, columnId, body.position());
        }
        return BoardResource.of(boards.get(actor, id));
    }

    @Operation(summary = "Delete an empty column", description = "409 while it holds cards.")
    @DeleteMapping("/api/v1/boards/{id}/columns/{columnId}")
    ResponseEntity<Void> deleteColumn(Actor actor, @PathVariable UUID id, @PathVariable UUID columnId) {
        boards.deleteColumn(actor, id, columnId);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Set a column's work-in-progress limit (1 to 1000)")
    @PutMapping("/api/v1/boards/{id}/columns/{columnId}/wip-limit")
    ColumnResource setWipLimit(Actor actor, @PathVariable UUID id, @PathVariable UUID columnId, @RequestBody WipLimit body) {
        return ColumnResource.of(boards.setWipLimit(actor, id, columnId, Optional.of(body.limit())), null, null);
    }

    @DeleteMapping("/api/v1/boards/{id}/columns/{columnId}/wip-limit")
    ColumnResource clearWipLimit(Actor actor, @PathVariable UUID id, @PathVariable UUID columnId) {
        return ColumnResource.of(boards.setWipLimit(actor, id, columnId, Optional.empty()), null, null);
    }

    @Operation(summary = "Move a card (contributors and up)", description = """
            column: where to; before: the card it is dropped above (absent = bottom); version: the card's version you saw. \
            409 /problems/conflict when someone else moved it since (the problem names its current 'column'), \
            409 /problems/wip-limit when the column is full.""")
    @PostMapping("/api/v1/boards/{id}/cards/{briefId}/move")
    Placement move(Actor actor, @PathVariable UUID id, @PathVariable String briefId, @RequestBody Move body) {
        UUID column = BoardParameters.uuid("column", body.column())
                .orElseThrow(() -> new InvalidRequestException("'column' is required: the column to move the card to."));
        return Placement.of(cards.move(actor, id, BriefId.parse(briefId), column, BoardParameters.brief(body.before()), body.version()));
    }
}
