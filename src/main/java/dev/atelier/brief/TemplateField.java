package dev.atelier.brief;

import dev.atelier.metadata.FieldValidationException.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One field of a brief template.
 *
 * @param key the field's name in the API and in rules: lower case, digits, {@code _}
 * @param options the choices of a choice or multi-choice field, in form order
 * @param vocabulary the taxonomy vocabulary a channel or market picker offers
 */
public record TemplateField(String key, String label, BriefFieldType type, boolean required, String help, List<String> options,
        Optional<UUID> vocabulary) {

    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    public TemplateField {
        key = key.strip();
        label = label.strip();
        help = help.strip();
        options = options.stream().map(String::strip).filter(o -> !o.isEmpty()).toList();
        vocabulary = type.usesVocabulary() ? vocabulary : Optional.empty();
        options = type.usesOptions() ? options : List.of();
    }

    /** What is wrong with the definition, each error named {@code fields[i].property}. */
    List<FieldError> problems(int index) {
        String at = "fields[" + index + "].";
        List<FieldError> errors = new ArrayList<>();
        if (!KEY.matcher(key).matches()) {
            errors.add(new FieldError(at + "key", "'" + key + "' must start with a lower-case letter and hold only lower-case letters, "
                    + "digits and _ (at most 40)."));
        }
        if (label.isEmpty() || label.length() > 200) {
            errors.add(new FieldError(at + "label", "A label of 1 to 200 characters is required."));
        }
        if (help.length() > 1000) {
            errors.add(new FieldError(at + "help", "Help text holds at most 1000 characters."));
        }
        if (type.usesOptions() && options.isEmpty()) {
            errors.add(new FieldError(at + "options", "A choice field needs at least one option."));
        }
        if (options.stream().map(String::toLowerCase).distinct().count() != options.size()) {
            errors.add(new FieldError(at + "options", "Options must differ from each other."));
        }
        if (type.usesVocabulary() && vocabulary.isEmpty()) {
            errors.add(new FieldError(at + "vocabulary", "A " + type.label().toLowerCase() + " field needs a vocabulary to pick from."));
        }
        return errors;
    }
}
