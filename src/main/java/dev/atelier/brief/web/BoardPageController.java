package dev.atelier.brief.web;

import dev.atelier.brief.Board;
import dev.atelier.brief.BoardFilter;
import dev.atelier.brief.BoardManagement;
import dev.atelier.brief.BriefId;
import dev.atelier.brief.CardManagement;
import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import dev.atelier.shared.InvalidRequestException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The boards list and a board page; its column settings post forms here, card moves go through the API (board.js). */
@Controller
class BoardPageController {

    private final BoardManagement boards;
    private final CardManagement cards;
    private final Clock clock;

    BoardPageController(BoardManagement boards, CardManagement cards, Clock clock) {
        this.boards = boards;
        this.cards = cards;
        this.clock = clock;
    }

    @GetMapping("/boards")
    String list(Actor actor, Model model) {
        model.addAttribute("boards", boards.all(actor));
        model.addAttribute("canCreate", actor.has(Role.MANAGER));
        model.addAttribute("defaultColumns", String.join(", ", Board.DEFAULT_COLUMNS));
        return "brief/boards";
    }

    /** @param columns comma-separated names; blank for the default columns */
    @PostMapping("/boards")
    String create(Actor actor, @RequestParam String name, @RequestParam(defaultValue = "") String columns) {
        Board b = boards.create(actor, name, Arrays.asList(columns.split(",")));
        return "redirect:/boards/" + b.id();
    }

    @GetMapping("/boards/{id}")
    String board(Actor actor, @PathVariable UUID id, @RequestParam(required = false) @Nullable String assignee,
            @RequestParam(required = false) @Nullable String channel, @RequestParam(required = false) @Nullable String due, Model model) {
        model.addAttribute("view", cards.view(actor, id, BoardParameters.filter(assignee, channel, due)));
        model.addAttribute("dues", List.of(BoardFilter.Due.values()));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("canMove", actor.has(Role.CONTRIBUTOR));
        model.addAttribute("canManage", actor.has(Role.MANAGER));
        return "brief/board";
    }

    /**
     * The move board.js sends with the browser session (the API takes no session cookies):
     * the API's answer, a 409 problem when refused.
     */
    @PostMapping(path = "/boards/{id}/cards/{briefId}/move", produces = "application/json")
    @ResponseBody
    BoardApiController.Placement move(Actor actor, @PathVariable UUID id, @PathVariable String briefId, @RequestParam UUID column,
            @RequestParam(required = false) @Nullable String before, @RequestParam long version) {
        return BoardApiController.Placement.of(cards.move(actor, id, BriefId.parse(briefId), column, BoardParameters.brief(before), version));
    }

    @PostMapping("/boards/{id}/columns")
    String addColumn(Actor actor, @PathVariable UUID id, @RequestParam String name) {
        boards.addColumn(actor, id, name);
        return "redirect:/boards/" + id;
    }

    /** Renames and sets (or, when blank, clears) the WIP limit in one form. */
    @PostMapping("/boards/{id}/columns/{columnId}")
    String changeColumn(Actor actor, @PathVariable UUID id, @PathVariable UUID columnId, @RequestParam String name,
            @RequestParam(defaultValue = "") String wipLimit) {
        boards.renameColumn(actor, id, columnId, name);
        boards.setWipLimit(actor, id, columnId, wipLimit.isBlank() ? Optional.empty() : Optional.of(limit(wipLimit)));
        return "redirect:/boards/" + id;
    }

    @PostMapping("/boards/{id}/columns/{columnId}/position")
    String moveColumn(Actor actor, @PathVariable UUID id, @PathVariable UUID columnId, @RequestParam int position) {
        boards.moveColumn(actor, id, columnId, position);
        return "redirect:/boards/" + id;
    }

    @PostMapping("/boards/{id}/columns/{columnId}/delete")
    String deleteColumn(Actor actor, @PathVariable UUID id, @PathVariable UUID columnId) {
        boards.deleteColumn(actor, id, columnId);
        return "redirect:/boards/" + id;
    }

    private static int limit(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("A WIP limit is a whole number; leave it empty for no limit.");
        }
    }
}
