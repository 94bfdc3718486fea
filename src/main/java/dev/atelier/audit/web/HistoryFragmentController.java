package dev.atelier.audit.web;

import dev.atelier.audit.AuditRecord;
import dev.atelier.audit.AuditTrail;
import dev.atelier.identity.Actor;
import dev.atelier.identity.UserId;
import dev.atelier.identity.UserManagement;
import java.time.Instant;
import java.util.HashMap;
import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetManagement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The "History" list on the asset page, in plain sentences. */
@Controller
class HistoryFragmentController {

    private static final Pattern VERSION = Pattern.compile("version=(\\d+)");

    private final AuditTrail trail;
    private final UserManagement users;
    private final AssetManagement assets;

    HistoryFragmentController(AuditTrail trail, UserManagement users, AssetManagement assets) {
        this.trail = trail;
        this.users = users;
        this.assets = assets;
    }

    record Entry(String what, String who, Instant at) {
    }

    @GetMapping("/assets/{id}/history/fragment")
    String history(Actor actor, @PathVariable String id, Model model) {
        Map<UUID, String> names = new HashMap<>();
        assets.get(actor, AssetId.parse(id));
        List<Entry> entries = trail.forSubject(actor, "asset", id).reversed().stream()
                .map(r -> new Entry(sentence(r), r.actorId().map(u -> names.computeIfAbsent(u, this::name)).orElse("Atelier"),
                        r.occurredAt()))
                .toList();
        model.addAttribute("entries", entries);
        return "audit/history :: history";
    }

    private String name(UUID user) {
        return users.get(new UserId(user)).displayName();
    }

    static String sentence(AuditRecord r) {
        Matcher version = VERSION.matcher(r.details());
        String v = version.find() ? "v" + version.group(1) : "a version";
        return switch (r.action()) {
            case "asset.created" -> "Uploaded " + v;
            case "asset.version-added" -> "Uploaded " + v;
            case "asset.edited" -> "Edited the details";
            case "asset.trashed" -> "Moved to the trash";
            case "asset.restored" -> "Restored from the trash";
            case "proofing.annotation-added" -> "Annotated " + v;
            case "proofing.annotation-replied" -> "Replied on an annotation of " + v;
            case "proofing.annotation-resolved" -> "Resolved an annotation of " + v;
            case "proofing.annotation-reopened" -> "Reopened an annotation of " + v;
            case "proofing.annotations-carried" -> "Carried open annotations forward to " + v;
            case "proofing.carried-addressed" -> "Marked a carried item addressed on " + v;
            case "proofing.carried-confirmed" -> "Confirmed a carried item on " + v;
            case "proofing.carried-reopened" -> "Reopened a carried item on " + v;
            default -> r.action();
        };
    }
}
