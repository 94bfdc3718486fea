package dev.atelier.brief;

import dev.atelier.asset.AssetId;
import dev.atelier.brief.BriefValue.Milestone;
import dev.atelier.metadata.FieldValidationException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads a field's value from its JSON form (API bodies, form posts turned into the same shape,
 * and storage). Checks the value's shape and its options; whether referenced terms and assets
 * exist is checked by the service, which can look them up.
 */
public final class BriefValues {

    private BriefValues() {
    }

    /**
     * @param raw a string, boolean, number, list or map; null, blank and empty lists mean "no value"
     * @throws FieldValidationException naming the field's key, with a sentence a person can act on
     */
    public static Optional<BriefValue> parse(TemplateField field, Object raw) {
        if (raw == null || raw instanceof String s && s.isBlank() || raw instanceof List<?> l && l.stream().allMatch(BriefValues::blank)) {
            return Optional.empty();
        }
        return Optional.of(switch (field.type()) {
            case TEXT -> text(field, raw, 1000);
            case LONG_TEXT -> text(field, raw, 20000);
            case NUMBER -> new BriefValue.Number(number(field, single(field, raw)));
            case MONEY -> money(field, raw);
            case DATE -> new BriefValue.Date(date(field, single(field, raw)));
            case MILESTONES -> milestones(field, raw);
            case CHOICE, MULTI_CHOICE -> choices(field, raw);
            case CHANNELS, MARKETS -> new BriefValue.Terms(strings(raw).stream().map(s -> uuid(field, s)).distinct().toList());
            case ASSETS, ATTACHMENTS -> new BriefValue.Assets(strings(raw).stream().map(s -> asset(field, s)).distinct().toList());
            case CHECKBOX -> new BriefValue.Checked(raw instanceof Boolean b ? b : List.of("true", "on", "yes", "1")
                    .contains(single(field, raw).toLowerCase(Locale.ROOT)));
        });
    }

    private static BriefValue text(TemplateField field, Object raw, int max) {
        String text = single(field, raw).strip();
        if (text.length() > max) {
            throw invalid(field, "holds at most " + max + " characters.");
        }
        return new BriefValue.Text(text);
    }

    private static BriefValue money(TemplateField field, Object raw) {
        String amount;
        String currency;
        if (raw instanceof Map<?, ?> m) {
            amount = String.valueOf(m.get("amount"));
            currency = String.valueOf(m.get("currency"));
        } else {
            String[] parts = single(field, raw).strip().split("\\s+");
            if (parts.length != 2) {
                throw invalid(field, "needs an amount and a currency, e.g. 12500 EUR.");
            }
            amount = parts[0];
            currency = parts[1];
        }
        BigDecimal value = number(field, amount);
        if (value.signum() < 0) {
            throw invalid(field, "cannot be negative.");
        }
        String code = currency.strip().toUpperCase(Locale.ROOT);
        try {
            Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw invalid(field, "'" + currency + "' is not a currency code (ISO 4217, e.g. EUR, USD, GBP).");
        }
        return new BriefValue.Money(value, code);
    }

    private static BriefValue milestones(TemplateField field, Object raw) {
        if (!(raw instanceof List<?> list)) {
            throw invalid(field, "needs a list of milestones, each with a name and a due date.");
        }
        List<Milestone> milestones = new ArrayList<>();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> m)) {
                throw invalid(field, "needs a list of milestones, each with a name and a due date.");
            }
            String name = m.get("name") == null ? "" : String.valueOf(m.get("name")).strip();
            String due = m.get("due") == null ? "" : String.valueOf(m.get("due")).strip();
            if (name.isEmpty() && due.isEmpty()) {
                continue;
            }
            if (name.isEmpty() || name.length() > 200) {
                throw invalid(field, "each milestone needs a name of 1 to 200 characters.");
            }
            if (due.isEmpty()) {
                throw invalid(field, "milestone '" + name + "' needs a due date.");
            }
            milestones.add(new Milestone(name, date(field, due)));
        }
        return new BriefValue.Milestones(milestones);
    }

    private static BriefValue choices(TemplateField field, Object raw) {
        List<String> chosen = new ArrayList<>();
        for (String s : strings(raw)) {
            String option = field.options().stream().filter(o -> o.equalsIgnoreCase(s.strip())).findFirst()
                    .orElseThrow(() -> invalid(field, "'" + s + "' is not one of its options (" + String.join(", ", field.options()) + ")."));
            if (!chosen.contains(option)) {
                chosen.add(option);
            }
        }
        if (field.type() == BriefFieldType.CHOICE && chosen.size() > 1) {
            throw invalid(field, "takes one option.");
        }
        return new BriefValue.Choices(chosen);
    }

    private static List<String> strings(Object raw) {
        List<?> list = raw instanceof List<?> l ? l : List.of(raw);
        return list.stream().filter(o -> !blank(o)).map(o -> String.valueOf(o).strip()).toList();
    }

    private static String single(TemplateField field, Object raw) {
        List<String> values = strings(raw);
        if (values.size() != 1 || raw instanceof Map<?, ?>) {
            throw invalid(field, "takes one value.");
        }
        return values.getFirst();
    }

    private static BigDecimal number(TemplateField field, String text) {
        try {
            return new BigDecimal(text.strip().replace("_", ""));
        } catch (NumberFormatException e) {
            throw invalid(field, "'" + text + "' is not a number.");
        }
    }

    private static LocalDate date(TemplateField field, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw invalid(field, "'" + text + "' is not a date (YYYY-MM-DD).");
        }
    }

    private static UUID uuid(TemplateField field, String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw invalid(field, "'" + text + "' is not a term id.");
        }
    }

    private static AssetId asset(TemplateField field, String text) {
        try {
            return new AssetId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw invalid(field, "'" + text + "' is not an asset id.");
        }
    }

    private static boolean blank(Object o) {
        return o == null || o instanceof String s && s.isBlank();
    }

    static FieldValidationException invalid(TemplateField field, String message) {
        return FieldValidationException.of(field.key(), field.label() + " " + message);
    }
}
