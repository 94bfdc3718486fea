package dev.atelier.asset.web;

import dev.atelier.asset.AssetManagement;
import dev.atelier.asset.AssetStatus;
import dev.atelier.identity.Actor;
import dev.atelier.shared.Cursor;
import dev.atelier.shared.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The trash page: a grid of trashed assets, newest first, paged with "Load more". The library page is the search module's. */
@Controller
class LibraryController {

    static final int PAGE_SIZE = 48;

    private final AssetManagement assets;

    LibraryController(AssetManagement assets) {
        this.assets = assets;
    }

    @GetMapping("/")
    String home() {
        return "redirect:/library";
    }

    @GetMapping("/trash")
    String trash(Actor actor, Model model) {
        fill(actor, null, model);
        return "asset/trash";
    }

    @GetMapping("/trash/grid")
    String trashGrid(Actor actor, @RequestParam(required = false) String cursor, Model model) {
        fill(actor, cursor, model);
        return "asset/grid :: grid";
    }

    private void fill(Actor actor, String cursor, Model model) {
        var page = assets.list(actor, AssetStatus.TRASHED, Cursor.decode(cursor), PAGE_SIZE);
        model.addAttribute("emptyText", cursor == null ? "The trash is empty." : "");
        model.addAttribute("page", new Page<>(page.items().stream().map(AssetCard::of).toList(), page.next()));
        page.next().ifPresent(next -> model.addAttribute("nextUrl", "/trash/grid?cursor=" + next));
    }
}
