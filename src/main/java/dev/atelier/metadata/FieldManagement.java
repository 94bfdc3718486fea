package dev.atelier.metadata;

import dev.atelier.asset.Asset;
import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetManagement;
import dev.atelier.asset.MediaTypeLabels;
import dev.atelier.collection.CollectionManagement;
import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import dev.atelier.metadata.FieldValidationException.FieldError;
import dev.atelier.metadata.internal.FieldStore;
import dev.atelier.metadata.internal.FieldValueRules;
import dev.atelier.metadata.internal.TermCatalog;
import dev.atelier.shared.ConflictException;
import dev.atelier.shared.NotFoundException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The metadata schema (custom fields admins define) and the values assets hold in them. Editing
 * values is editing the asset: it needs the asset's edit right, honours its revision
 * ({@code If-Match}) and bumps it, so search and the audit trail follow by themselves.
 */
@Service
public class FieldManagement {

    private final FieldStore store;
    private final FieldValueRules rules;
    private final TermCatalog terms;
    private final AssetManagement assets;
    private final CollectionManagement collections;
    private final ApplicationEventPublisher events;

    FieldManagement(FieldStore store, FieldValueRules rules, TermCatalog terms, AssetManagement assets, CollectionManagement collections,
            ApplicationEventPublisher events) {
        this.store = store;
        this.rules = rules;
        this.terms = terms;
        this.assets = assets;
        this.collections = collections;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<FieldDefinition> definitions() {
        return store.definitions();
    }

    @Transactional(readOnly = true)
    public FieldDefinition definition(String key) {
        return store.definition(key).orElseThrow(() -> new NotFoundException("field '" + key + "'"));
    }

    /** Adds a field at the end of the schema; admins only. */
    @Transactional
    public FieldDefinition define(Actor actor, FieldDefinition field) {
        actor.require(Role.ADMIN);
        if (store.definition(field.key()).isPresent()) {
            throw new ConflictException("A field with the key '" + field.key() + "' exists already.");
        }
        FieldDefinition placed = new FieldDefinition(field.key(), field.label(), field.type(), field.required(), field.help(),
                field.options(), field.vocabulary(), field.assetTypes(), field.collections(), store.nextPosition());
        placed.validate();
        store.save(placed);
        return placed;
    }

    /**
     * Changes label, help, required, options or where the field applies. The type stays; an option
     * still held by assets cannot be dropped.
     */
    @Transactional
    public FieldDefinition redefine(Actor actor, String key, FieldDefinition changed) {
        actor.require(Role.ADMIN);
        FieldDefinition old = definition(key);
        if (changed.type() != old.type() || !changed.vocabulary().equals(old.vocabulary())) {
            throw new ConflictException("The type of a field cannot change; add a new field instead.");
        }
        List<String> dropped = old.options().stream().filter(o -> !changed.options().contains(o)).toList();
        if (!store.holding(List.of(key), dropped).isEmpty()) {
            throw new ConflictException("Assets still hold " + String.join(", ", dropped) + " in " + old.label() + "; change them first.");
        }
        FieldDefinition updated = new FieldDefinition(key, changed.label(), old.type(), changed.required(), changed.help(), changed.options(),
                old.vocabulary(), changed.assetTypes(), changed.collections(), old.position());
        updated.validate();
        store.save(updated);
        return updated;
    }

    /** Removes the field and every value assets held in it. */
    @Transactional
    public void remove(Actor actor, String key) {
        actor.require(Role.ADMIN);
        definition(key);
        List<AssetId> holders = store.holdingField(key);
        store.deleteDefinition(key);
        events.publishEvent(new FieldValuesChanged(holders, Set.of()));
    }

    /** The fields that apply to the asset, with its values. */
    @Transactional(readOnly = true)
    public AssetFields of(Actor actor, AssetId id) {
        Asset asset = assets.get(actor, id);
        Map<String, List<String>> stored = store.values(id);
        return new AssetFields(id, asset.revision(), applicable(asset).stream()
                .map(f -> entry(f, stored.getOrDefault(f.key(), List.of()))).toList());
    }

    /**
     * Applies the changes as one edit of the asset. Nothing is written unless every change is valid.
     *
     * @throws FieldValidationException naming each field that is wrong
     */
    @Transactional
    public AssetFields change(Actor actor, AssetId id, List<FieldChange> changes, Optional<Long> expectedRevision) {
        return edit(actor, id, changes, expectedRevision).fields();
    }

    /** What an edit left, and whether it changed anything (bulk edits count that). */
    record Outcome(AssetFields fields, boolean changed) {}

    @Transactional
    Outcome edit(Actor actor, AssetId id, List<FieldChange> changes, Optional<Long> expectedRevision) {
        Asset asset = assets.get(actor, id);
        List<FieldDefinition> fields = applicable(asset);
        Map<String, FieldDefinition> applicable = byKey(fields);
        Map<String, List<String>> stored = store.values(id);
        List<FieldError> errors = new ArrayList<>();
        Map<String, List<String>> changed = new LinkedHashMap<>();
        for (FieldChange change : changes) {
            FieldDefinition field = field(change.field(), applicable, asset, errors);
            if (field != null) {
                List<String> before = changed.getOrDefault(field.key(), stored.getOrDefault(field.key(), List.of()));
                List<String> after = apply(field, change, before, errors);
                if (!after.equals(before) || changed.containsKey(field.key())) {
                    changed.put(field.key(), after);
                }
            }
        }
        return write(actor, asset, fields, stored, changed, errors, expectedRevision);
    }

    /**
     * Sets every field at once, as a form does: fields left out are emptied, and every required
     * field that applies must have a value.
     */
    @Transactional
    public AssetFields replace(Actor actor, AssetId id, Map<String, List<String>> values, Optional<Long> expectedRevision) {
        Asset asset = assets.get(actor, id);
        List<FieldDefinition> applicable = applicable(asset);
        List<FieldError> errors = new ArrayList<>();
        values.keySet().forEach(k -> field(k, byKey(applicable), asset, errors));
        Map<String, List<String>> stored = store.values(id);
        Map<String, List<String>> changed = new LinkedHashMap<>();
        for (FieldDefinition field : applicable) {
            List<String> after = apply(field, new FieldChange(field.key(), FieldChange.Operation.SET,
                    values.getOrDefault(field.key(), List.of())), List.of(), errors);
            if (!after.equals(stored.getOrDefault(field.key(), List.of()))) {
                changed.put(field.key(), after);
            }
        }
        return write(actor, asset, applicable, stored, changed, errors, expectedRevision).fields();
    }

    /** Writes the changed fields as one edit of the asset, and answers with what it holds now (without reading it again). */
    private Outcome write(Actor actor, Asset asset, List<FieldDefinition> applicable, Map<String, List<String>> stored,
            Map<String, List<String>> changed, List<FieldError> errors, Optional<Long> expectedRevision) {
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        long revision = asset.revision();
        if (!changed.isEmpty()) {
            revision = assets.recordEdit(actor, asset.id(), expectedRevision, "fields: " + String.join(", ", changed.keySet())).revision();
            changed.forEach((key, values) -> store.replace(asset.id(), key, values));
        }
        Map<String, List<String>> now = new LinkedHashMap<>(stored);
        now.putAll(changed);
        return new Outcome(new AssetFields(asset.id(), revision, applicable.stream()
                .map(f -> entry(f, now.getOrDefault(f.key(), List.of()))).toList()), !changed.isEmpty());
    }

    private List<String> apply(FieldDefinition field, FieldChange change, List<String> before, List<FieldError> errors) {
        List<String> values = rules.normalise(field, change.values(), errors);
        List<String> after = switch (change.operation()) {
            case SET -> values;
            case CLEAR -> List.of();
            case FILL -> before.isEmpty() ? values : before;
            case ADD -> {
                var merged = new LinkedHashSet<>(field.type().multiple() ? before : List.of());
                merged.addAll(values);
                yield List.copyOf(merged);
            }
            case REMOVE -> before.stream().filter(v -> !values.contains(v)).toList();
        };
        if (field.required() && after.isEmpty()) {
            errors.add(new FieldError(field.key(), field.label() + " is required."));
        }
        return after;
    }

    private static FieldDefinition field(String key, Map<String, FieldDefinition> applicable, Asset asset, List<FieldError> errors) {
        FieldDefinition field = applicable.get(key);
        if (field == null) {
            errors.add(new FieldError(key, "There is no field '" + key + "' for this " + MediaTypeLabels.kind(asset.currentVersion().mediaType())
                    + " asset."));
        }
        return field;
    }

    private AssetFields.Entry entry(FieldDefinition f, List<String> stored) {
        return new AssetFields.Entry(f, rules.display(f, stored), stored);
    }

    private List<FieldDefinition> applicable(Asset asset) {
        String kind = MediaTypeLabels.kind(asset.currentVersion().mediaType());
        var in = collections.containing(asset.id());
        return store.definitions().stream().filter(f -> f.appliesTo(kind, in)).toList();
    }

    private static Map<String, FieldDefinition> byKey(List<FieldDefinition> fields) {
        Map<String, FieldDefinition> map = new LinkedHashMap<>();
        fields.forEach(f -> map.put(f.key(), f));
        return map;
    }

    /** For mirrors such as the search index: every field value of the asset, with the words its terms bring; no rights check. */
    @Transactional(readOnly = true)
    public List<IndexedField> forIndex(AssetId id) {
        Map<String, List<String>> stored = store.values(id);
        if (stored.isEmpty()) {
            return List.of();
        }
        List<IndexedField> out = new ArrayList<>();
        for (FieldDefinition f : store.definitions()) {
            List<String> values = stored.getOrDefault(f.key(), List.of());
            if (!values.isEmpty()) {
                Set<String> words = new LinkedHashSet<>();
                values.forEach(v -> rules.term(v).ifPresent(t -> words.addAll(terms.words(t))));
                out.add(new IndexedField(f.key(), f.type(), rules.display(f, values), words));
            }
        }
        return out;
    }

    /** The words that should find an asset carrying the keyword: for every term it names, its label, synonyms and broader terms. */
    public Set<String> wordsForKeyword(String keyword) {
        Set<String> words = new LinkedHashSet<>();
        terms.matching(keyword).forEach(t -> words.addAll(terms.words(t)));
        return words;
    }
}
