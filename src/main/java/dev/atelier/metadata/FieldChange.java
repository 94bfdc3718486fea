package dev.atelier.metadata;

import java.util.List;
import java.util.Locale;

/**
 * One edit of one field: {@code set} replaces every value (for single-value fields the only
 * way), {@code add} and {@code remove} work on multi-value fields, {@code clear} empties,
 * {@code fill} sets the values only where the field is still empty (collection defaults).
 */
public record FieldChange(String field, Operation operation, List<String> values) {

    public enum Operation { SET, ADD, REMOVE, CLEAR, FILL }

    public FieldChange {
        values = values.stream().map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
    }

    public static Operation operation(String name) {
        try {
            return Operation.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw FieldValidationException.of("operation", "'" + name + "' is not an operation: set, add, remove, clear or fill.");
        }
    }
}
