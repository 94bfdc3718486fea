package dev.atelier.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A custom field of the metadata schema.
 *
 * @param key the name used in the API and in queries ({@code campaign:summer}): lower case, digits, {@code _}
 * @param options the allowed values of a choice field, in the order forms show them (the controlled vocabulary)
 * @param vocabulary the taxonomy a term field takes its values from
 * @param assetTypes the kinds of asset (image, video, audio, document, other) it applies to; empty for all
 * @param collections the collections (and folders, with everything below them) it applies to; empty for all
 */
public record FieldDefinition(String key, String label, FieldType type, boolean required, String help, List<String> options,
        Optional<UUID> vocabulary, List<String> assetTypes, List<UUID> collections, int position) {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}");
    private static final Set<String> KINDS = Set.of("image", "video", "audio", "document", "other");
    /** Names the search language already gives a meaning to, and words of the API. */
    public static final Set<String> RESERVED = Set.of("id", "title", "description", "filename", "text", "type", "format", "owner",
            "in", "created", "updated", "size", "versions", "collection", "tag", "creator", "caption", "copyright", "camera",
            "captured", "orientation", "content", "color", "colour", "transparent", "megapixels", "faces", "status", "similar", "sort",
            "q", "cursor", "limit", "me", "field", "fields");

    public FieldDefinition {
        options = List.copyOf(options);
        assetTypes = List.copyOf(assetTypes);
        collections = List.copyOf(collections);
        label = label.strip();
        help = help.strip();
    }

    /** Whether an asset of the kind, in the collections (with their folders), has this field. */
    public boolean appliesTo(String assetType, Set<UUID> assetCollections) {
        return (assetTypes.isEmpty() || assetTypes.contains(assetType))
                && (collections.isEmpty() || collections.stream().anyMatch(assetCollections::contains));
    }

    /** @throws FieldValidationException naming every property that is wrong */
    void validate() {
        List<FieldValidationException.FieldError> errors = new ArrayList<>();
        if (!KEY.matcher(key).matches()) {
            errors.add(new FieldValidationException.FieldError("key", "'" + key
                    + "' must start with a lower-case letter and hold only lower-case letters, digits and _ (at most 40)."));
        } else if (RESERVED.contains(key)) {
            errors.add(new FieldValidationException.FieldError("key", "'" + key + "' is a built-in search field; choose another key."));
        }
        if (label.isEmpty() || label.length() > 200) {
            errors.add(new FieldValidationException.FieldError("label", "A label of 1 to 200 characters is required."));
        }
        boolean choice = type == FieldType.CHOICE || type == FieldType.MULTI_CHOICE;
        if (choice && options.isEmpty()) {
            errors.add(new FieldValidationException.FieldError("options", "A choice field needs at least one option."));
        }
        if (choice && options.stream().map(o -> o.strip().toLowerCase()).distinct().count() != options.size()) {
            errors.add(new FieldValidationException.FieldError("options", "Options must differ from each other."));
        }
        if (options.stream().anyMatch(o -> o.isBlank() || o.length() > 200)) {
            errors.add(new FieldValidationException.FieldError("options", "Each option needs 1 to 200 characters."));
        }
        if (type == FieldType.TERM && vocabulary.isEmpty()) {
            errors.add(new FieldValidationException.FieldError("vocabulary", "A term field needs a vocabulary."));
        }
        assetTypes.stream().filter(t -> !KINDS.contains(t)).forEach(t -> errors.add(new FieldValidationException.FieldError("assetTypes",
                "'" + t + "' is not an asset type. Types: image, video, audio, document, other.")));
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
    }
}
