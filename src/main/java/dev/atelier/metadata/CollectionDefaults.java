package dev.atelier.metadata;

import dev.atelier.asset.AssetId;
import dev.atelier.collection.AssetsAddedToCollection;
import dev.atelier.collection.CollectionManagement;
import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import dev.atelier.identity.UserManagement;
import dev.atelier.metadata.FieldValidationException.FieldError;
import dev.atelier.metadata.internal.FieldStore;
import dev.atelier.metadata.internal.FieldValueRules;
import dev.atelier.shared.ProblemException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per-collection metadata defaults: values a collection (or a folder, for everything below it)
 * gives the assets put into it, in fields those assets have left empty. Applied after the
 * assets were added, as edits by the person who added them; the nearest collection's default wins.
 */
@Service
public class CollectionDefaults {

    private static final Logger log = LoggerFactory.getLogger(CollectionDefaults.class);

    private final FieldStore store;
    private final FieldValueRules rules;
    private final FieldManagement fields;
    private final CollectionManagement collections;
    private final UserManagement users;

    CollectionDefaults(FieldStore store, FieldValueRules rules, FieldManagement fields, CollectionManagement collections, UserManagement users) {
        this.store = store;
        this.rules = rules;
        this.fields = fields;
        this.collections = collections;
        this.users = users;
    }

    /** The collection's defaults as people read them (term labels). */
    @Transactional(readOnly = true)
    public Map<String, List<String>> of(Actor actor, UUID collection) {
        collections.get(actor, collection);
        Map<String, List<String>> shown = new LinkedHashMap<>();
        store.defaults(collection).forEach((key, values) -> store.definition(key).ifPresent(f -> shown.put(key, rules.display(f, values))));
        return shown;
    }

    /**
     * Replaces the collection's defaults; managers only.
     *
     * @throws FieldValidationException naming each field that is unknown or refuses a value
     */
    @Transactional
    public Map<String, List<String>> set(Actor actor, UUID collection, Map<String, List<String>> values) {
        actor.require(Role.MANAGER);
        collections.get(actor, collection);
        List<FieldError> errors = new ArrayList<>();
        Map<String, List<String>> stored = new LinkedHashMap<>();
        values.forEach((key, list) -> store.definition(key).ifPresentOrElse(
                f -> stored.put(key, rules.normalise(f, list.stream().map(String::strip).filter(v -> !v.isEmpty()).toList(), errors)),
                () -> errors.add(new FieldError(key, "There is no field '" + key + "'."))));
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        stored.values().removeIf(List::isEmpty);
        store.replaceDefaults(collection, stored);
        return of(actor, collection);
    }

    @ApplicationModuleListener
    void on(AssetsAddedToCollection e) {
        Map<String, List<String>> defaults = new LinkedHashMap<>();
        e.folders().forEach(c -> store.defaults(c).forEach(defaults::putIfAbsent));
        if (defaults.isEmpty()) {
            return;
        }
        Actor actor = users.get(e.by()).asActor();
        for (AssetId asset : e.assets()) {
            try {
                List<FieldChange> fill = new ArrayList<>();
                var applicable = fields.of(actor, asset).entries().stream().map(x -> x.field().key()).toList();
                defaults.forEach((key, values) -> {
                    if (applicable.contains(key)) {
                        fill.add(new FieldChange(key, FieldChange.Operation.FILL, values));
                    }
                });
                fields.change(actor, asset, fill, Optional.empty());
            } catch (ProblemException ex) {
                log.warn("Defaults of collection {} not applied to asset {}: {}", e.collection(), asset, ex.getMessage());
            }
        }
    }
}
