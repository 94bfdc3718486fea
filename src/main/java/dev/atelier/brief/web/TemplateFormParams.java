package dev.atelier.brief.web;

import dev.atelier.asset.AssetId;
import dev.atelier.brief.BriefFieldType;
import dev.atelier.brief.TemplateDraft;
import dev.atelier.brief.TemplateField;
import dev.atelier.identity.UserId;
import dev.atelier.shared.Ids;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/**
 * The template builder's form: {@code name}, {@code description}, {@code reviewers},
 * {@code guidelines} and one group {@code fields[i].key|label|type|required|help|options|vocabulary}
 * per row, in row order. Unknown types become text so the form comes back with its other errors.
 */
final class TemplateFormParams {

    private static final Pattern FIELD = Pattern.compile("fields\\[(\\d+)]\\.(\\w+)");

    private TemplateFormParams() {
    }

    static TemplateDraft draft(MultiValueMap<String, String> form) {
        Map<Integer, Map<String, String>> rows = new TreeMap<>();
        form.forEach((name, values) -> {
            Matcher m = FIELD.matcher(name);
            if (m.matches() && !values.isEmpty()) {
                rows.computeIfAbsent(Integer.parseInt(m.group(1)), i -> new java.util.HashMap<>()).put(m.group(2), values.getFirst());
            }
        });
        List<TemplateField> fields = rows.values().stream().map(TemplateFormParams::field).toList();
        return new TemplateDraft(first(form, "name"), first(form, "description"), fields,
                ids(form, "reviewers").stream().map(UserId::new).toList(), ids(form, "guidelines").stream().map(AssetId::new).toList());
    }

    private static TemplateField field(Map<String, String> row) {
        BriefFieldType type = Arrays.stream(BriefFieldType.values()).filter(t -> t.slug().equals(row.getOrDefault("type", "")))
                .findFirst().orElse(BriefFieldType.TEXT);
        return new TemplateField(row.getOrDefault("key", ""), row.getOrDefault("label", ""), type, "true".equals(row.get("required")),
                row.getOrDefault("help", ""), List.of(row.getOrDefault("options", "").split("\\R")),
                Optional.ofNullable(row.get("vocabulary")).filter(v -> !v.isBlank()).map(UUID::fromString));
    }

    static String first(MultiValueMap<String, String> form, String name) {
        return Optional.ofNullable(form.getFirst(name)).orElse("");
    }

    static List<UUID> ids(MultiValueMap<String, String> form, String name) {
        return form.getOrDefault(name, List.of()).stream().filter(v -> !v.isBlank()).map(Ids::parse).toList();
    }
}
