package dev.atelier.collection.web;

import dev.atelier.asset.AssetId;
import dev.atelier.collection.AssetCollection;
import dev.atelier.collection.CollectionManagement;
import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import dev.atelier.shared.Ids;
import dev.atelier.shared.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The collections page (a tree), the "Collections" box of an asset page, and the forms behind them. */
@Controller
class CollectionPageController {

    private final CollectionManagement collections;

    CollectionPageController(CollectionManagement collections) {
        this.collections = collections;
    }

    /** One line of the tree: a collection at its depth. */
    record Line(String id, String name, String kind, int depth, long size) {}

    @GetMapping("/collections")
    String page(Actor actor, Model model) {
        List<AssetCollection> all = collections.all(actor);
        model.addAttribute("lines", tree(all));
        model.addAttribute("folders", all.stream().filter(c -> c.kind() == AssetCollection.Kind.FOLDER).toList());
        model.addAttribute("canCreate", actor.has(Role.CONTRIBUTOR));
        return "collection/collections";
    }

    @PostMapping("/collections")
    String create(Actor actor, @RequestParam String name, @RequestParam(defaultValue = "collection") String kind,
            @RequestParam Optional<String> parentId, @RequestParam Optional<String> query) {
        AssetCollection c = collections.create(actor, name, AssetCollection.Kind.valueOf(kind.toUpperCase(Locale.ROOT)),
                parentId.filter(p -> !p.isBlank()).map(UUID::fromString), query);
        return c.kind() == AssetCollection.Kind.FOLDER ? "redirect:/collections" : "redirect:/library?collection=" + c.id();
    }

    @GetMapping("/assets/{id}/collections/fragment")
    String box(Actor actor, @PathVariable String id, Model model) {
        AssetId asset = AssetId.parse(id);
        List<AssetCollection> in = collections.of(actor, asset);
        model.addAttribute("assetId", id);
        model.addAttribute("in", in);
        model.addAttribute("choices", collections.all(actor).stream()
                .filter(c -> c.kind() != AssetCollection.Kind.SMART && in.stream().noneMatch(i -> i.id().equals(c.id()))).toList());
        model.addAttribute("canChange", actor.has(Role.CONTRIBUTOR));
        return "collection/box :: box";
    }

    /** The form to put assets picked in the library into a collection (their ids as {@code asset} parameters). */
    @PostMapping("/collections/selection")
    String selection(Actor actor, @RequestParam(name = "asset", defaultValue = "") List<String> picked, Model model) {
        actor.require(Role.CONTRIBUTOR);
        return selectionForm(actor, AssetId.picked(picked), model);
    }

    @PostMapping("/collections/selection/add")
    String addSelection(Actor actor, @RequestParam(name = "asset", defaultValue = "") List<String> picked,
            @RequestParam(defaultValue = "") String collectionId, Model model) {
        List<AssetId> ids = AssetId.picked(picked);
        try {
            UUID collection = Ids.parse(collectionId);
            collections.add(actor, collection, ids);
            return "redirect:/library?collection=" + collection;
        } catch (ProblemException e) {
            model.addAttribute("error", e.getMessage());
            return selectionForm(actor, ids, model);
        }
    }

    private String selectionForm(Actor actor, List<AssetId> ids, Model model) {
        model.addAttribute("assets", ids);
        model.addAttribute("choices", collections.all(actor).stream().filter(c -> c.kind() != AssetCollection.Kind.SMART).toList());
        return "collection/selection";
    }

    @PostMapping("/assets/{id}/collections")
    String add(Actor actor, @PathVariable String id, @RequestParam UUID collectionId) {
        collections.add(actor, collectionId, List.of(AssetId.parse(id)));
        return "redirect:/assets/" + id;
    }

    @PostMapping("/assets/{id}/collections/{collectionId}/remove")
    String remove(Actor actor, @PathVariable String id, @PathVariable UUID collectionId) {
        collections.remove(actor, collectionId, AssetId.parse(id));
        return "redirect:/assets/" + id;
    }

    private List<Line> tree(List<AssetCollection> all) {
        List<Line> lines = new ArrayList<>();
        all.stream().filter(c -> c.parent().isEmpty()).forEach(c -> append(c, 0, all, lines));
        return lines;
    }

    private void append(AssetCollection c, int depth, List<AssetCollection> all, List<Line> lines) {
        lines.add(new Line(c.id().toString(), c.name(), c.kind().name().toLowerCase(Locale.ROOT), depth, collections.size(c.id())));
        all.stream().filter(child -> child.parent().equals(Optional.of(c.id()))).forEach(child -> append(child, depth + 1, all, lines));
    }
}
