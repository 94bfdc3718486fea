package dev.atelier.metadata;

import dev.atelier.shared.ProblemException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Values (or a field definition) that break the schema; a 400 problem whose {@code errors} name
 * each field and what is wrong with it, so a form can put every message beside its field.
 */
public class FieldValidationException extends ProblemException {

    public static final URI TYPE = URI.create("/problems/invalid-fields");

    /** One field and what is wrong with it. */
    public record FieldError(String field, String message) {}

    private final List<FieldError> errors;

    public FieldValidationException(List<FieldError> errors) {
        super(400, TYPE, "Invalid field values", errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining(" ")));
        this.errors = List.copyOf(errors);
    }

    public static FieldValidationException of(String field, String message) {
        return new FieldValidationException(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Override
    public Map<String, Object> properties() {
        return Map.of("errors", errors);
    }
}
