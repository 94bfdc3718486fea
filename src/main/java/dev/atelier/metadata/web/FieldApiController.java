package dev.atelier.metadata.web;

import dev.atelier.asset.AssetEtags;
import dev.atelier.asset.AssetId;
import dev.atelier.identity.Actor;
import dev.atelier.metadata.AssetFields;
import dev.atelier.metadata.CollectionDefaults;
import dev.atelier.metadata.FieldChange;
import dev.atelier.metadata.FieldDefinition;
import dev.atelier.metadata.FieldManagement;
import dev.atelier.metadata.FieldType;
import dev.atelier.metadata.FieldValidationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The metadata schema and the custom field values of assets. */
@RestController
@Tag(name = "Fields")
class FieldApiController {

    private final FieldManagement fields;
    private final CollectionDefaults defaults;

    FieldApiController(FieldManagement fields, CollectionDefaults defaults) {
        this.fields = fields;
        this.defaults = defaults;
    }

    record FieldResource(String key, String label, String type, boolean required, String help, List<String> options,
            @Nullable UUID vocabulary, List<String> assetTypes, List<UUID> collections, int position) {
        static FieldResource of(FieldDefinition d) {
            return new FieldResource(d.key(), d.label(), d.type().slug(), d.required(), d.help(), d.options(), d.vocabulary().orElse(null),
                    d.assetTypes(), d.collections(), d.position());
        }
    }

    /** A field as sent: everything but key, label and type may be left out. */
    record FieldBody(@Nullable String key, @Nullable String label, @Nullable String type, @Nullable Boolean required, @Nullable String help,
            @Nullable List<String> options, @Nullable UUID vocabulary, @Nullable List<String> assetTypes, @Nullable List<UUID> collections) {

        FieldDefinition toDefinition(String key) {
            if (type == null) {
                throw FieldValidationException.of("type", "A type is required.");
            }
            return new FieldDefinition(key, label == null ? "" : label, FieldType.fromSlug(type), Boolean.TRUE.equals(required), help == null ? "" : help,
                    options == null ? List.of() : options, Optional.ofNullable(vocabulary), assetTypes == null ? List.of() : assetTypes,
                    collections == null ? List.of() : collections, 0);
        }
    }

    @Operation(summary = "The metadata schema: every custom field, in form order")
    @GetMapping("/api/v1/fields")
    List<FieldResource> list() {
        return fields.definitions().stream().map(FieldResource::of).toList();
    }

    @Operation(summary = "Define a custom field (admins)", description = "type: text, long-text, number, date, boolean, choice, multi-choice, "
            + "term (values from a vocabulary), user, url. assetTypes (image, video, audio, document, other) and collections limit where it "
            + "applies; empty means everywhere. Invalid definitions are a 400 whose errors name each property.")
    @PostMapping("/api/v1/fields")
    @ResponseStatus(HttpStatus.CREATED)
    FieldResource define(Actor actor, @RequestBody FieldBody body) {
        return FieldResource.of(fields.define(actor, body.toDefinition(body.key() == null ? "" : body.key())));
    }

    @Operation(summary = "Change a field's label, help, required flag, options or scope (admins); the type stays")
    @PutMapping("/api/v1/fields/{key}")
    FieldResource redefine(Actor actor, @PathVariable String key, @RequestBody FieldBody body) {
        return FieldResource.of(fields.redefine(actor, key, body.toDefinition(key)));
    }

    @Operation(summary = "Remove a field and every value held in it (admins)")
    @DeleteMapping("/api/v1/fields/{key}")
    ResponseEntity<Void> remove(Actor actor, @PathVariable String key) {
        fields.remove(actor, key);
        return ResponseEntity.noContent().build();
    }

    record AssetFieldsResource(String assetId, long revision, Map<String, List<String>> values, List<EntryResource> fields) {
        static AssetFieldsResource of(AssetFields f) {
            Map<String, List<String>> values = new java.util.LinkedHashMap<>();
            f.entries().forEach(e -> values.put(e.field().key(), e.values()));
            return new AssetFieldsResource(f.assetId().toString(), f.revision(), values,
                    f.entries().stream().map(e -> new EntryResource(FieldResource.of(e.field()), e.values(), e.stored())).toList());
        }
    }

    record EntryResource(FieldResource field, List<String> values, List<String> stored) {}

    record ChangeResource(String field, String operation, @Nullable List<String> values) {}

    @Operation(summary = "The custom fields that apply to an asset, with its values", description = "values: as people read them "
            + "(term labels); fields[].stored: as stored (term ids). The ETag is the asset's.")
    @GetMapping("/api/v1/assets/{id}/fields")
    ResponseEntity<AssetFieldsResource> get(Actor actor, @PathVariable String id) {
        return respond(fields.of(actor, AssetId.parse(id)));
    }

    @Operation(summary = "Change some fields of an asset", description = "A list of {field, operation: set|add|remove|clear, values}. "
            + "All or nothing: any invalid value is a 400 naming the field. If-Match with the asset's ETag; stale is a 412.")
    @PatchMapping("/api/v1/assets/{id}/fields")
    ResponseEntity<AssetFieldsResource> change(Actor actor, @PathVariable String id, @RequestBody List<ChangeResource> changes,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        List<FieldChange> parsed = changes.stream().map(c -> new FieldChange(c.field() == null ? "" : c.field(),
                FieldChange.operation(c.operation() == null ? "set" : c.operation()), c.values() == null ? List.of() : c.values())).toList();
        return respond(fields.change(actor, AssetId.parse(id), parsed, AssetEtags.fromIfMatch(ifMatch)));
    }

    @Operation(summary = "Set every field of an asset, as a form does", description = "Fields left out are emptied; every required field "
            + "that applies needs a value.")
    @PutMapping("/api/v1/assets/{id}/fields")
    ResponseEntity<AssetFieldsResource> replace(Actor actor, @PathVariable String id, @RequestBody Map<String, List<String>> values,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return respond(fields.replace(actor, AssetId.parse(id), values, AssetEtags.fromIfMatch(ifMatch)));
    }

    @Operation(summary = "A collection's field defaults", description = "Values the collection (a folder: everything below it) gives "
            + "assets put into it, in fields they have left empty; the nearest collection's default wins.")
    @GetMapping("/api/v1/collections/{id}/field-defaults")
    Map<String, List<String>> defaults(Actor actor, @PathVariable UUID id) {
        return defaults.of(actor, id);
    }

    @Operation(summary = "Replace a collection's field defaults (managers)", description = "{\"channel\":[\"Web\"]}; unknown fields "
            + "and refused values are a 400 naming the field.")
    @PutMapping("/api/v1/collections/{id}/field-defaults")
    Map<String, List<String>> setDefaults(Actor actor, @PathVariable UUID id, @RequestBody Map<String, List<String>> values) {
        return defaults.set(actor, id, values);
    }

    private static ResponseEntity<AssetFieldsResource> respond(AssetFields f) {
        return ResponseEntity.ok().eTag(AssetEtags.of(f.revision())).body(AssetFieldsResource.of(f));
    }
}
