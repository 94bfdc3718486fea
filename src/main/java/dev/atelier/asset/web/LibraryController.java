package dev.atelier.asset.web;

import dev.atelier.asset.AssetManagement;
import dev.atelier.asset.AssetStatus;
import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import dev.atelier.shared.Cursor;
import dev.atelier.shared.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The library and trash pages: a grid of asset cards, newest first, paged with "Load more". */
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

    @GetMapping("/library")
    String library(Actor actor, Model model) {
        fill(actor, AssetStatus.ACTIVE, null, model);
        model.addAttribute("canUpload", actor.has(Role.CONTRIBUTOR));
        return "asset/library";
    }

    @GetMapping("/trash")
    String trash(Actor actor, Model model) {
        fill(actor, AssetStatus.TRASHED, null, model);
        return "asset/library";
    }

    @GetMapping("/library/grid")
    String libraryGrid(Actor actor, @RequestParam(required = false) String cursor, Model model) {
        fill(actor, AssetStatus.ACTIVE, cursor, model);
        return "asset/grid :: grid";
    }

    @GetMapping("/trash/grid")
    String trashGrid(Actor actor, @RequestParam(required = false) String cursor, Model model) {
        fill(actor, AssetStatus.TRASHED, cursor, model);
        return "asset/grid :: grid";
    }

    private void fill(Actor actor, AssetStatus status, String cursor, Model model) {
        boolean trash = status == AssetStatus.TRASHED;
        var page = assets.list(actor, status, Cursor.decode(cursor), PAGE_SIZE);
        model.addAttribute("trash", trash);
        model.addAttribute("first", cursor == null);
        model.addAttribute("page", new Page<>(page.items().stream().map(AssetCard::of).toList(), page.next()));
        page.next().ifPresent(next -> model.addAttribute("nextUrl", (trash ? "/trash/grid" : "/library/grid") + "?cursor=" + next));
    }
}
