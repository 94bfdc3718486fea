package dev.atelier.metadata.web;

import dev.atelier.asset.AssetId;
import dev.atelier.asset.StaleWriteException;
import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import dev.atelier.metadata.AssetTagManagement;
import dev.atelier.metadata.TagSuggestion;
import dev.atelier.metadata.TagSuggestionManagement;
import dev.atelier.metadata.TagSuggestions;
import dev.atelier.shared.InvalidRequestException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The "Tags" and "Suggested tags" boxes of the asset page: tags are added (several at once,
 * separated by commas) and removed in place; suggestions are accepted or rejected one by one or all at once.
 */
@Controller
class TagPageController {

    private final AssetTagManagement tags;
    private final TagSuggestionManagement suggestions;

    TagPageController(AssetTagManagement tags, TagSuggestionManagement suggestions) {
        this.tags = tags;
        this.suggestions = suggestions;
    }

    @GetMapping("/assets/{id}/tags/fragment")
    String fragment(Actor actor, @PathVariable String id, Model model) {
        return show(actor, AssetId.parse(id), Optional.empty(), model);
    }

    /** The suggestions box alone, which polls itself while the tagger has not answered. */
    @GetMapping("/assets/{id}/tag-suggestions/fragment")
    String suggestionsFragment(Actor actor, @PathVariable String id, Model model) {
        show(actor, AssetId.parse(id), Optional.empty(), model);
        return "metadata/tags :: suggested";
    }

    @PostMapping("/assets/{id}/tags")
    String add(Actor actor, @PathVariable String id, @RequestParam String add, @RequestParam long revision, Model model) {
        List<String> named = Arrays.stream(add.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        return change(actor, AssetId.parse(id), named, List.of(), revision, model);
    }

    @PostMapping("/assets/{id}/tags/remove")
    String remove(Actor actor, @PathVariable String id, @RequestParam String tag, @RequestParam long revision, Model model) {
        return change(actor, AssetId.parse(id), List.of(), List.of(tag), revision, model);
    }

    @PostMapping("/assets/{id}/tag-suggestions/{decision:accept|reject}")
    String decide(Actor actor, @PathVariable String id, @PathVariable String decision, @RequestParam Optional<String> tag, Model model) {
        AssetId assetId = AssetId.parse(id);
        if (tag.isPresent()) {
            if (decision.equals("accept")) {
                suggestions.accept(actor, assetId, List.of(tag.get()));
            } else {
                suggestions.reject(actor, assetId, List.of(tag.get()));
            }
        } else {
            var status = decision.equals("accept") ? TagSuggestion.Status.ACCEPTED : TagSuggestion.Status.REJECTED;
            suggestions.decideAll(actor, List.of(assetId), Optional.empty(), status).failures().stream().findFirst()
                    .ifPresent(f -> { throw new InvalidRequestException(f.reason()); });
        }
        return show(actor, assetId, Optional.empty(), model);
    }

    private String change(Actor actor, AssetId id, List<String> add, List<String> remove, long revision, Model model) {
        try {
            tags.change(actor, id, add, remove, Optional.of(revision));
            return show(actor, id, Optional.empty(), model);
        } catch (InvalidRequestException e) {
            return show(actor, id, Optional.of(e.getMessage()), model);
        } catch (StaleWriteException e) {
            return show(actor, id, Optional.of("Someone changed this asset meanwhile; here are its tags now."), model);
        }
    }

    private String show(Actor actor, AssetId id, Optional<String> notice, Model model) {
        TagSuggestions s = suggestions.of(actor, id);
        model.addAttribute("tags", tags.of(actor, id));
        model.addAttribute("suggestions", s);
        model.addAttribute("pending", s.tagger() == TagSuggestions.TaggerState.PENDING);
        model.addAttribute("notice", notice.orElse(null));
        model.addAttribute("canEdit", actor.has(Role.CONTRIBUTOR));
        return "metadata/tags :: box";
    }
}
