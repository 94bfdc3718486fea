package dev.atelier.brief;

import dev.atelier.brief.BriefRule.Condition;
import dev.atelier.metadata.Term;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Which rules a brief matches. A condition names a template field by key, {@code title}, or
 * {@code channel} / {@code market} for every channel or market picker of the template; terms
 * match by label, synonym or any broader term ("EU" matches a brief for "Germany" filed under
 * "EU").
 */
final class RuleEvaluation {

    private final BriefTemplate template;
    private final Function<UUID, Optional<Term>> terms;

    RuleEvaluation(BriefTemplate template, Function<UUID, Optional<Term>> terms) {
        this.template = template;
        this.terms = terms;
    }

    List<BriefNote> notes(String title, java.util.Map<String, BriefValue> values, List<BriefRule> rules) {
        List<BriefNote> notes = new ArrayList<>();
        for (BriefRule rule : rules) {
            if (rule.enabled() && rule.conditions().stream().allMatch(c -> holds(c, title, values))) {
                notes.add(new BriefNote(rule.id(), rule.name(), rule.disclaimer(), rule.legalReview(), rule.mandatoryStep()));
            }
        }
        return notes;
    }

    private boolean holds(Condition c, String title, java.util.Map<String, BriefValue> values) {
        List<List<String>> items = items(c.field(), title, values);
        String wanted = c.value().strip().toLowerCase(Locale.ROOT);
        return switch (c.operator()) {
            case IS_SET -> !items.isEmpty();
            case IS -> items.stream().anyMatch(names -> names.contains(wanted));
            case IS_NOT -> items.stream().noneMatch(names -> names.contains(wanted));
            case CONTAINS -> items.stream().anyMatch(names -> names.stream().anyMatch(n -> n.contains(wanted)));
            case GREATER_THAN -> items.stream().anyMatch(names -> greater(names.getFirst(), wanted));
        };
    }

    /** Each value of the field as the lower-case names it answers to (a term: label, synonyms, broader terms). */
    private List<List<String>> items(String field, String title, java.util.Map<String, BriefValue> values) {
        List<List<String>> items = new ArrayList<>();
        if (field.equals("title")) {
            items.add(List.of(title.toLowerCase(Locale.ROOT)));
        }
        for (TemplateField f : template.fields()) {
            boolean picked = f.key().equals(field) || f.type() == BriefFieldType.CHANNELS && field.equals("channel")
                    || f.type() == BriefFieldType.MARKETS && field.equals("market");
            BriefValue value = values.get(f.key());
            if (picked && value != null && !value.empty()) {
                items.addAll(names(value));
            }
        }
        return items;
    }

    private List<List<String>> names(BriefValue value) {
        return switch (value) {
            case BriefValue.Text t -> List.of(List.of(lower(t.text())));
            case BriefValue.Number n -> List.of(List.of(n.number().toPlainString()));
            case BriefValue.Money m -> List.of(List.of(m.amount().toPlainString(), lower(m.currency())));
            case BriefValue.Date d -> List.of(List.of(d.date().toString()));
            case BriefValue.Milestones m -> m.milestones().stream().map(x -> List.of(lower(x.name()))).toList();
            case BriefValue.Choices c -> c.chosen().stream().map(x -> List.of(lower(x))).toList();
            case BriefValue.Terms t -> t.terms().stream().map(id -> terms.apply(id).map(RuleEvaluation::termNames).orElse(List.of(id.toString())))
                    .toList();
            case BriefValue.Assets a -> a.assets().stream().map(x -> List.of(x.toString())).toList();
            case BriefValue.Checked c -> List.of(List.of(String.valueOf(c.checked())));
        };
    }

    private static List<String> termNames(Term term) {
        List<String> names = new ArrayList<>();
        names.add(lower(term.label()));
        term.synonyms().forEach(s -> names.add(lower(s)));
        term.path().forEach(p -> names.add(lower(p)));
        return names;
    }

    private static boolean greater(String have, String wanted) {
        try {
            return new BigDecimal(have).compareTo(new BigDecimal(wanted)) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String lower(String s) {
        return s.strip().toLowerCase(Locale.ROOT);
    }
}
