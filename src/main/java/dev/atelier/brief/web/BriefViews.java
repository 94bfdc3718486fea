package dev.atelier.brief.web;

import dev.atelier.asset.Asset;
import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetManagement;
import dev.atelier.brief.Brief;
import dev.atelier.brief.BriefForm;
import dev.atelier.brief.BoardManagement;
import dev.atelier.brief.BriefTemplate;
import dev.atelier.brief.TemplateField;
import dev.atelier.identity.Actor;
import dev.atelier.identity.UserId;
import dev.atelier.identity.UserManagement;
import dev.atelier.metadata.TaxonomyManagement;
import dev.atelier.metadata.Term;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Builds the brief form's view from a stored brief or from what was just entered. */
@Component
class BriefViews {

    private final BoardManagement boards;
    private final TaxonomyManagement taxonomy;
    private final AssetManagement assets;
    private final UserManagement users;

    BriefViews(BoardManagement boards, TaxonomyManagement taxonomy, AssetManagement assets, UserManagement users) {
        this.boards = boards;
        this.taxonomy = taxonomy;
        this.assets = assets;
        this.users = users;
    }

    BriefFormView of(Actor actor, BriefTemplate template, Brief b) {
        Map<String, Object> raw = new LinkedHashMap<>();
        b.values().forEach((k, v) -> raw.put(k, v.json()));
        return view(actor, template, b.title(), b.due().map(Object::toString).orElse(""), b.board().map(UUID::toString).orElse(""),
                b.assignees().stream().map(UserId::toString).toList(),
                String.join("\n", b.criteria().stream().map(Brief.Criterion::text).toList()), raw, Map.of());
    }

    BriefFormView entered(Actor actor, BriefTemplate template, String due, BriefForm form, Map<String, String> errors) {
        return view(actor, template, form.title(), due, form.board().map(UUID::toString).orElse(""),
                form.assignees().stream().map(UserId::toString).toList(), String.join("\n", form.criteria()), form.values(), errors);
    }

    BriefFormView empty(Actor actor, BriefTemplate template) {
        return view(actor, template, "", "", "", List.of(), "", Map.of(), Map.of());
    }

    private BriefFormView view(Actor actor, BriefTemplate template, String title, String due, String board, List<String> assignees,
            String criteria, Map<String, Object> raw, Map<String, String> errors) {
        Map<UUID, List<Term>> terms = new LinkedHashMap<>();
        Map<String, List<Asset>> chosen = new LinkedHashMap<>();
        for (TemplateField f : template.fields()) {
            f.vocabulary().ifPresent(v -> terms.computeIfAbsent(v, taxonomy::terms));
            if (f.type().holdsAssets() && raw.get(f.key()) instanceof List<?> ids) {
                chosen.put(f.key(), ids.stream().flatMap(id -> assets.findVisible(actor, AssetId.parse(String.valueOf(id))).stream()).toList());
            }
        }
        return new BriefFormView(template, title, due, board, assignees, criteria, raw, terms, chosen, users.directory(actor),
                boards(actor), errors);
    }

    private Map<UUID, String> boards(Actor actor) {
        Map<UUID, String> names = new LinkedHashMap<>();
        boards.all(actor).forEach(b -> names.put(b.id(), b.name()));
        return names;
    }

}
