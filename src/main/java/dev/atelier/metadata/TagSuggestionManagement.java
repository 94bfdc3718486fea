package dev.atelier.metadata;

import dev.atelier.asset.Asset;
import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetManagement;
import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import dev.atelier.metadata.TagSuggestion.Status;
import dev.atelier.metadata.TagSuggestions.TaggerState;
import dev.atelier.metadata.internal.TagSuggestionStore;
import dev.atelier.shared.InvalidRequestException;
import dev.atelier.shared.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * People decide on the tags the external tagger suggested: accepting adds them as asset tags,
 * rejecting keeps them from being suggested for the asset again. Either is an edit of the asset
 * (contributors and above, on assets they see), so it is audited and bumps the revision.
 */
@Service
public class TagSuggestionManagement {

    /** The most assets one bulk decision may name. */
    public static final int MAX_BULK = 1000;

    private final AssetManagement assets;
    private final AssetTagManagement tags;
    private final TagSuggestionStore store;
    private final TaggerProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    TagSuggestionManagement(AssetManagement assets, AssetTagManagement tags, TagSuggestionStore store, TaggerProperties properties,
            TransactionTemplate transaction, Clock clock) {
        this.assets = assets;
        this.tags = tags;
        this.store = store;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** @throws dev.atelier.shared.NotFoundException when the asset is not the actor's to see */
    @Transactional(readOnly = true)
    public TagSuggestions of(Actor actor, AssetId id) {
        Asset asset = assets.get(actor, id);
        int version = asset.currentVersion().number();
        Optional<TagSuggestionStore.Run> run = store.run(id, version);
        TaggerState state = run.map(r -> TaggerState.valueOf(r.status()))
                .orElse(properties.enabled() ? TaggerState.PENDING : TaggerState.OFF);
        return new TagSuggestions(id, version, state, run.flatMap(TagSuggestionStore.Run::reason),
                store.all(id).stream().filter(s -> s.status() == Status.SUGGESTED).toList());
    }

    /**
     * Accepts the named open suggestions: they become asset tags.
     *
     * @return how many were decided
     * @throws InvalidRequestException when no tag is named or one is not an open suggestion of the asset
     */
    @Transactional
    public int accept(Actor actor, AssetId id, List<String> tagNames) {
        return decide(actor, id, named(tagNames), Status.ACCEPTED);
    }

    /** Rejects the named open suggestions; they are not suggested for this asset again. */
    @Transactional
    public int reject(Actor actor, AssetId id, List<String> tagNames) {
        return decide(actor, id, named(tagNames), Status.REJECTED);
    }

    /**
     * Decides for many assets, each in its own transaction: the named tags where they are open
     * suggestions, or every open suggestion when {@code tagNames} is empty. An asset that cannot be
     * changed is reported and the others go on.
     */
    public BulkTagDecision decideAll(Actor actor, List<AssetId> ids, Optional<List<String>> tagNames, Status decision) {
        actor.require(Role.CONTRIBUTOR);
        if (ids.isEmpty() || ids.size() > MAX_BULK) {
            throw new InvalidRequestException("Name between 1 and " + MAX_BULK + " assets.");
        }
        Optional<Map<String, String>> wanted = tagNames.map(AssetTags::byKey);
        int changed = 0;
        int decided = 0;
        List<BulkTagDecision.Failure> failures = new ArrayList<>();
        for (AssetId id : ids.stream().distinct().toList()) {
            try {
                Integer n = transaction.execute(s -> decide(actor, id, wanted.map(w -> new Wanted(w, false)), decision));
                changed += n != null && n > 0 ? 1 : 0;
                decided += n == null ? 0 : n;
            } catch (ProblemException | AccessDeniedException e) {
                failures.add(new BulkTagDecision.Failure(id, e.getMessage()));
            }
        }
        return new BulkTagDecision(changed, decided, failures);
    }

    /** Tags a decision names, by key; {@code strict}: each must be an open suggestion. */
    private record Wanted(Map<String, String> tags, boolean strict) {}

    private static Optional<Wanted> named(List<String> tagNames) {
        if (tagNames.isEmpty()) {
            throw new InvalidRequestException("Name the tags to decide on.");
        }
        return Optional.of(new Wanted(AssetTags.byKey(tagNames), true));
    }

    private int decide(Actor actor, AssetId id, Optional<Wanted> wanted, Status decision) {
        actor.require(Role.CONTRIBUTOR);
        assets.get(actor, id);
        Map<String, String> open = new LinkedHashMap<>();
        store.all(id).stream().filter(s -> s.status() == Status.SUGGESTED).forEach(s -> open.put(AssetTags.key(s.tag()), s.tag()));
        List<String> chosen = wanted.map(w -> choose(open, w.tags(), w.strict())).orElseGet(() -> List.copyOf(open.values()));
        if (chosen.isEmpty()) {
            return 0;
        }
        String note = decision == Status.ACCEPTED ? "tags: " + AssetTagManagement.describe(chosen, List.of()) + " (suggested)"
                : "tag suggestions rejected: " + String.join(", ", chosen);
        assets.recordEdit(actor, id, Optional.empty(), note);
        if (decision == Status.ACCEPTED) {
            tags.addRecorded(id, chosen);
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        chosen.forEach(t -> store.decide(id, t, decision, actor.id(), now));
        return chosen.size();
    }

    private static List<String> choose(Map<String, String> open, Map<String, String> wanted, boolean strict) {
        List<String> missing = wanted.keySet().stream().filter(k -> !open.containsKey(k)).map(wanted::get).toList();
        if (strict && !missing.isEmpty()) {
            throw new InvalidRequestException("Not an open suggestion for this asset: " + String.join(", ", missing) + ".");
        }
        return wanted.keySet().stream().filter(open::containsKey).map(open::get).toList();
    }
}
