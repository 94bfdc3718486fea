package dev.atelier.brief.web;

import dev.atelier.asset.Asset;
import dev.atelier.brief.BriefTemplate;
import dev.atelier.identity.User;
import dev.atelier.metadata.Term;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What the brief form shows: the template, each field's value in its JSON shape (as stored, or as
 * just entered when the form comes back with errors), the choices pickers offer and the errors.
 */
record BriefFormView(BriefTemplate template, String title, String due, String board, List<String> assignees, String criteria,
        Map<String, Object> raw, Map<UUID, List<Term>> terms, Map<String, List<Asset>> chosen, List<User> people, Map<UUID, String> boards,
        Map<String, String> errors) {

    public String text(String key) {
        Object v = raw.get(key);
        return v instanceof String s ? s : "";
    }

    public boolean has(String key, Object value) {
        Object v = raw.get(key);
        String wanted = String.valueOf(value);
        return v instanceof List<?> l ? l.stream().anyMatch(x -> Objects.equals(String.valueOf(x), wanted))
                : v instanceof Boolean b ? b : Objects.equals(String.valueOf(v), wanted);
    }

    public String part(String key, String part) {
        return raw.get(key) instanceof Map<?, ?> m && m.get(part) != null ? String.valueOf(m.get(part)) : "";
    }

    /** Milestone rows, with one empty row to type into. */
    public List<Map<?, ?>> milestones(String key) {
        List<Map<?, ?>> rows = new java.util.ArrayList<>();
        if (raw.get(key) instanceof List<?> l) {
            l.stream().filter(Map.class::isInstance).map(m -> (Map<?, ?>) m).forEach(rows::add);
        }
        rows.add(Map.of("name", "", "due", ""));
        return rows;
    }

    public List<Term> termsOf(UUID vocabulary) {
        return terms.getOrDefault(vocabulary, List.of());
    }

    public List<Asset> chosenOf(String key) {
        return chosen.getOrDefault(key, List.of());
    }

    /** A field's value as lines of text, for the read-only brief. */
    public List<String> display(dev.atelier.brief.TemplateField field) {
        Object v = raw.get(field.key());
        return switch (field.type()) {
            case MONEY -> part(field.key(), "amount").isEmpty() ? List.of() : List.of(part(field.key(), "amount") + " " + part(field.key(), "currency"));
            case MILESTONES -> milestones(field.key()).stream().filter(m -> !String.valueOf(m.get("name")).isBlank())
                    .map(m -> m.get("due") + " · " + m.get("name")).toList();
            case CHANNELS, MARKETS -> termsOf(field.vocabulary().orElseThrow()).stream().filter(t -> has(field.key(), t.id()))
                    .map(Term::label).toList();
            case CHECKBOX -> List.of(has(field.key(), true) ? "Yes" : "No");
            case ASSETS, ATTACHMENTS -> List.of();
            default -> v instanceof List<?> l ? l.stream().map(String::valueOf).toList() : text(field.key()).isBlank() ? List.of() : List.of(text(field.key()));
        };
    }

    public String error(String key) {
        return errors.get(key);
    }
}
