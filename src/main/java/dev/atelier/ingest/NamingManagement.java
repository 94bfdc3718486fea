package dev.atelier.ingest;

import dev.atelier.asset.Asset;
import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetManagement;
import dev.atelier.asset.AssetVersion;
import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import dev.atelier.ingest.internal.NamingRules;
import dev.atelier.media.RenditionManagement;
import dev.atelier.shared.Ids;
import dev.atelier.shared.InvalidRequestException;
import dev.atelier.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Naming conventions: admins define them; uploads are checked against the ones for their type;
 * downloads can be named by them from the asset's own facts.
 */
@Service
public class NamingManagement {

    private static final Set<String> KINDS = Set.of("all", "image", "video", "audio", "document");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private final NamingRules rules;
    private final AssetManagement assets;
    private final RenditionManagement renditions;
    private final Clock clock;

    NamingManagement(NamingRules rules, AssetManagement assets, RenditionManagement renditions, Clock clock) {
        this.rules = rules;
        this.assets = assets;
        this.renditions = renditions;
        this.clock = clock;
    }

    @Transactional
    public NamingRule create(Actor actor, String name, String template, String appliesTo, NamingRule.Mode mode) {
        actor.require(Role.ADMIN);
        String target = appliesTo.strip().toLowerCase(Locale.ROOT);
        if (!KINDS.contains(target) && !target.matches("[a-z]+/[a-z0-9.+-]+")) {
            throw new InvalidRequestException("'appliesTo' is all, image, video, audio, document or a media type such as image/png.");
        }
        if (name.isBlank() || name.length() > 200) {
            throw new InvalidRequestException("A rule needs a name of 1 to 200 characters.");
        }
        var rule = new NamingRule(Ids.uuidV7(clock), name.strip(), NamingTemplate.parse(template), target, mode, Instant.now(clock));
        rules.insert(rule);
        return rule;
    }

    @Transactional
    public void delete(Actor actor, UUID id) {
        actor.require(Role.ADMIN);
        if (!rules.delete(id)) {
            throw new NotFoundException("naming rule " + id);
        }
    }

    @Transactional(readOnly = true)
    public List<NamingRule> all(Actor actor) {
        actor.require(Role.VIEWER);
        return rules.all();
    }

    /** The rules the file name breaks, of those that apply to its type. */
    @Transactional(readOnly = true)
    public List<NamingRule> broken(String filename, String mediaType) {
        return rules.all().stream().filter(r -> r.appliesTo(mediaType) && !r.template().matches(filename)).toList();
    }

    /** The version's file name by the first rule for its type; the original name when none applies. */
    @Transactional(readOnly = true)
    public String nameFor(Actor actor, AssetId id, Optional<Integer> number) {
        Asset asset = assets.get(actor, id);
        AssetVersion version = assets.version(actor, id, number);
        return rules.all().stream().filter(r -> r.appliesTo(version.mediaType())).findFirst()
                .map(r -> r.template().render(values(asset, version))).orElse(version.originalFilename());
    }

    private Map<String, String> values(Asset asset, AssetVersion version) {
        Map<String, String> values = new HashMap<>();
        values.put("title", asset.title());
        values.put("version", String.valueOf(version.number()));
        values.put("date", DATE.format(version.uploadedAt()));
        String name = version.originalFilename();
        int dot = name.lastIndexOf('.');
        values.put("ext", dot > 0 ? name.substring(dot + 1) : "bin");
        values.put("any", dot > 0 ? name.substring(0, dot) : name);
        Map<String, String> facts = renditions.facts(asset.id(), version.number());
        Optional.ofNullable(facts.get("width")).ifPresent(w -> values.put("width", w));
        Optional.ofNullable(facts.get("height")).ifPresent(h -> values.put("height", h));
        return values;
    }
}
