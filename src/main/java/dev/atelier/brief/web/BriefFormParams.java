package dev.atelier.brief.web;

import dev.atelier.brief.BriefForm;
import dev.atelier.brief.BriefTemplate;
import dev.atelier.brief.TemplateField;
import dev.atelier.identity.UserId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.util.MultiValueMap;

/**
 * The brief form's parameters as a {@link BriefForm}: {@code title}, {@code due}, {@code board},
 * {@code assignees}, {@code criteria} (one per line) and {@code v.<key>} per template field
 * ({@code v.<key>.amount|currency} for money, {@code v.<key>.name|due} repeated for milestones).
 * The values come out in their JSON shape, so the form can also be shown again as entered.
 */
final class BriefFormParams {

    private BriefFormParams() {
    }

    static BriefForm form(BriefTemplate template, MultiValueMap<String, String> form) {
        return new BriefForm(TemplateFormParams.first(form, "title"), BriefApiController.date(form.getFirst("due")),
                TemplateFormParams.ids(form, "board").stream().findFirst(),
                TemplateFormParams.ids(form, "assignees").stream().map(UserId::new).toList(), values(template, form),
                List.of(TemplateFormParams.first(form, "criteria").split("\\R")));
    }

    static Map<String, Object> values(BriefTemplate template, MultiValueMap<String, String> form) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (TemplateField f : template.fields()) {
            String name = "v." + f.key();
            Object raw = switch (f.type()) {
                case MONEY -> money(form, name);
                case MILESTONES -> milestones(form, name);
                case MULTI_CHOICE, CHANNELS, MARKETS, ASSETS, ATTACHMENTS -> form.getOrDefault(name, List.of());
                case CHECKBOX -> form.containsKey(name);
                default -> Optional.ofNullable(form.getFirst(name)).orElse("");
            };
            values.put(f.key(), raw);
        }
        return values;
    }

    private static Object money(MultiValueMap<String, String> form, String name) {
        String amount = Optional.ofNullable(form.getFirst(name + ".amount")).orElse("").strip();
        String currency = Optional.ofNullable(form.getFirst(name + ".currency")).orElse("").strip();
        return amount.isEmpty() && currency.isEmpty() ? "" : Map.of("amount", amount, "currency", currency);
    }

    private static List<Map<String, String>> milestones(MultiValueMap<String, String> form, String name) {
        List<String> names = form.getOrDefault(name + ".name", List.of());
        List<String> dues = form.getOrDefault(name + ".due", List.of());
        List<Map<String, String>> milestones = new ArrayList<>();
        for (int i = 0; i < Math.max(names.size(), dues.size()); i++) {
            milestones.add(Map.of("name", i < names.size() ? names.get(i) : "", "due", i < dues.size() ? dues.get(i) : ""));
        }
        return milestones;
    }
}
