package dev.atelier.metadata.internal;

import dev.atelier.identity.User;
import dev.atelier.identity.UserManagement;
import dev.atelier.metadata.FieldDefinition;
import dev.atelier.metadata.FieldValidationException.FieldError;
import dev.atelier.metadata.Term;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Checks values against their field's type and turns them into the stored form: numbers without
 * trailing zeros, ISO dates, {@code true}/{@code false}, the option's own spelling, term ids,
 * usernames. Each refusal names the field and the value.
 */
@Component
public class FieldValueRules {

    static final int MAX_TEXT = 500;
    static final int MAX_LONG_TEXT = 20_000;

    private final TermCatalog terms;
    private final UserManagement users;

    FieldValueRules(TermCatalog terms, UserManagement users) {
        this.terms = terms;
        this.users = users;
    }

    /** The values in stored form; problems are added to {@code errors} under the field's key. */
    public List<String> normalise(FieldDefinition field, List<String> values, List<FieldError> errors) {
        if (!field.type().multiple() && values.size() > 1) {
            errors.add(new FieldError(field.key(), field.label() + " takes one value, not " + values.size() + "."));
            return List.of();
        }
        List<String> stored = new ArrayList<>();
        for (String value : values) {
            try {
                String normal = normalise(field, value);
                if (!stored.contains(normal)) {
                    stored.add(normal);
                }
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(field.key(), e.getMessage()));
            }
        }
        return stored;
    }

    private String normalise(FieldDefinition f, String value) {
        String label = f.label();
        return switch (f.type()) {
            case TEXT -> limited(label, value, MAX_TEXT);
            case LONG_TEXT -> limited(label, value, MAX_LONG_TEXT);
            case NUMBER -> number(label, value);
            case DATE -> date(label, value);
            case BOOLEAN -> bool(label, value);
            case CHOICE, MULTI_CHOICE -> f.options().stream().filter(o -> o.equalsIgnoreCase(value)).findFirst().orElseThrow(
                    () -> new IllegalArgumentException("'" + value + "' is not one of the options of " + label + ": " + String.join(", ", f.options()) + "."));
            case TERM -> f.vocabulary().flatMap(v -> terms.resolve(v, value)).map(t -> t.id().toString()).orElseThrow(
                    () -> new IllegalArgumentException("'" + value + "' is not a term of the vocabulary of " + label + "."));
            case USER -> users.findByUsername(value.strip().toLowerCase(Locale.ROOT)).map(User::username)
                    .orElseThrow(() -> new IllegalArgumentException(label + ": there is no user '" + value + "'."));
            case URL -> url(label, value);
        };
    }

    /** Stored values as people read them: term ids become labels; the rest is shown as stored. */
    public List<String> display(FieldDefinition field, List<String> stored) {
        if (field.type() != dev.atelier.metadata.FieldType.TERM) {
            return stored;
        }
        return stored.stream().map(id -> term(id).map(Term::label).orElse(id)).toList();
    }

    public Optional<Term> term(String storedId) {
        try {
            return terms.term(UUID.fromString(storedId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String limited(String label, String value, int max) {
        if (value.length() > max) {
            throw new IllegalArgumentException(label + " holds at most " + max + " characters, not " + value.length() + ".");
        }
        return value;
    }

    private static String number(String label, String value) {
        try {
            BigDecimal n = new BigDecimal(value.strip());
            if (n.abs().compareTo(BigDecimal.valueOf(1e15)) > 0) {
                throw new IllegalArgumentException(label + ": " + value + " is too large.");
            }
            return n.stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(label + " needs a number, like 12 or 3.5, not '" + value + "'.");
        }
    }

    private static String date(String label, String value) {
        try {
            return LocalDate.parse(value.strip()).toString();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(label + " needs a date like 2026-12-31, not '" + value + "'.");
        }
    }

    private static String bool(String label, String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> "true";
            case "false", "no", "off", "0" -> "false";
            default -> throw new IllegalArgumentException(label + " is yes or no, not '" + value + "'.");
        };
    }

    private static String url(String label, String value) {
        try {
            URI uri = new URI(value.strip());
            if (uri.getScheme() != null && (uri.getScheme().equals("http") || uri.getScheme().equals("https")) && uri.getHost() != null) {
                return uri.toString();
            }
        } catch (URISyntaxException e) {
            // below
        }
        throw new IllegalArgumentException(label + " needs a web address starting with http:// or https://, not '" + value + "'.");
    }
}
