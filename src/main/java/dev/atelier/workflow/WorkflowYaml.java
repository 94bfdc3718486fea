package dev.atelier.workflow;

import dev.atelier.metadata.FieldValidationException;
import dev.atelier.metadata.FieldValidationException.FieldError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Workflow templates as YAML, the form admins write, import and export:
 *
 * <pre>
 * name: Campaign review
 * stages:
 *   - key: brand
 *     reviewers: { users: [bea], groups: [Brand team] }
 *     rule: all            # all | any | at-least (with quorum: 2)
 *     gatekeeper: bea
 *     due: 2 business days
 *   - key: legal
 *     reviewers: { roles: [manager] }
 *     rule: any
 *   - key: final
 *     after: [brand, legal]
 *     reviewers: { users: [carl] }
 * </pre>
 *
 * Every problem is reported with its place ({@code stages[1].rule}).
 */
public final class WorkflowYaml {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_-]{0,39}");

    private WorkflowYaml() {
    }

    /** @throws FieldValidationException naming every problem, by place */
    public static WorkflowDefinition parse(String yaml) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (JacksonException e) {
            throw FieldValidationException.of("yaml", "This is not valid YAML: " + e.getOriginalMessage());
        }
        List<FieldError> errors = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw FieldValidationException.of("yaml", "A template is a mapping with a name and stages.");
        }
        String name = text(root, "name").orElse("");
        if (name.isBlank() || name.length() > 200) {
            errors.add(new FieldError("name", "A name of 1 to 200 characters is required."));
        }
        List<StageDefinition> stages = new ArrayList<>();
        JsonNode list = root.path("stages");
        if (!list.isArray() || list.isEmpty()) {
            errors.add(new FieldError("stages", "A template needs at least one stage."));
        } else {
            for (int i = 0; i < list.size(); i++) {
                stage(list.get(i), "stages[" + i + "].", errors).ifPresent(stages::add);
            }
        }
        checkOrder(stages, errors);
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        return new WorkflowDefinition(name.strip(), text(root, "description").orElse("").strip(), stages);
    }

    public static String write(WorkflowDefinition d) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("name", d.name());
        if (!d.description().isEmpty()) {
            root.put("description", d.description());
        }
        root.put("stages", d.stages().stream().map(WorkflowYaml::tree).toList());
        return YAML.writeValueAsString(root);
    }

    private static Map<String, Object> tree(StageDefinition s) {
        Map<String, Object> stage = new LinkedHashMap<>();
        stage.put("key", s.key());
        stage.put("name", s.name());
        Map<String, Object> reviewers = new LinkedHashMap<>();
        if (!s.users().isEmpty()) reviewers.put("users", s.users());
        if (!s.groups().isEmpty()) reviewers.put("groups", s.groups());
        if (!s.roles().isEmpty()) reviewers.put("roles", s.roles());
        stage.put("reviewers", reviewers);
        stage.put("rule", s.rule().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        if (s.rule() == StageRule.AT_LEAST) stage.put("quorum", s.quorum());
        s.gatekeeper().ifPresent(g -> stage.put("gatekeeper", g));
        s.due().ifPresent(due -> stage.put("due", due.text()));
        if (!s.after().isEmpty()) stage.put("after", s.after());
        return stage;
    }

    private static Optional<StageDefinition> stage(JsonNode node, String at, List<FieldError> errors) {
        if (!node.isObject()) {
            errors.add(new FieldError(at.substring(0, at.length() - 1), "A stage is a mapping with a key and reviewers."));
            return Optional.empty();
        }
        int before = errors.size();
        String key = text(node, "key").orElse("");
        if (!KEY.matcher(key).matches()) {
            errors.add(new FieldError(at + "key", "'" + key + "' must start with a lower-case letter and hold only a-z, 0-9, - and _ (at most 40)."));
        }
        JsonNode reviewers = node.path("reviewers");
        List<String> users = strings(reviewers, "users");
        List<String> groups = strings(reviewers, "groups");
        List<String> roles = strings(reviewers, "roles");
        if (users.isEmpty() && groups.isEmpty() && roles.isEmpty()) {
            errors.add(new FieldError(at + "reviewers", "Name the stage's reviewers: users, groups or roles."));
        }
        StageRule rule = rule(text(node, "rule").orElse("all"), at, errors);
        int quorum = node.path("quorum").asInt(1);
        if (rule == StageRule.AT_LEAST && (quorum < 1 || !node.has("quorum"))) {
            errors.add(new FieldError(at + "quorum", "An at-least stage needs a quorum of 1 or more."));
        }
        Optional<DueTime> due = text(node, "due").map(d -> DueTime.parse(d).orElseGet(() -> {
            errors.add(new FieldError(at + "due", "'" + d + "' is not a due time: write e.g. 2 business days, 4 hours or PT30M."));
            return null;
        }));
        if (errors.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new StageDefinition(key, text(node, "name").orElse(key), users, groups, roles, rule, quorum, text(node, "gatekeeper"),
                due, strings(node, "after")));
    }

    /** Keys are unique, {@code after} names earlier-defined or later stages but never forms a loop. */
    private static void checkOrder(List<StageDefinition> stages, List<FieldError> errors) {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < stages.size(); i++) {
            if (!keys.add(stages.get(i).key())) {
                errors.add(new FieldError("stages[" + i + "].key", "Another stage already has the key '" + stages.get(i).key() + "'."));
            }
        }
        for (int i = 0; i < stages.size(); i++) {
            for (String after : stages.get(i).after()) {
                if (!keys.contains(after)) {
                    errors.add(new FieldError("stages[" + i + "].after", "There is no stage '" + after + "' to wait for."));
                }
            }
        }
        Set<String> done = new HashSet<>();
        boolean progress = true;
        while (progress) {
            progress = stages.stream().filter(s -> !done.contains(s.key()) && done.containsAll(s.after())).map(s -> done.add(s.key()))
                    .reduce(false, Boolean::logicalOr);
        }
        if (done.size() < keys.size() && errors.isEmpty()) {
            errors.add(new FieldError("stages", "The stages wait for each other in a circle; one of them must start first."));
        }
    }

    private static StageRule rule(String text, String at, List<FieldError> errors) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "all" -> StageRule.ALL;
            case "any" -> StageRule.ANY;
            case "at-least", "at_least" -> StageRule.AT_LEAST;
            default -> {
                errors.add(new FieldError(at + "rule", "'" + text + "' is not a rule: all, any or at-least."));
                yield StageRule.ALL;
            }
        };
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isValueNode() && !v.asString().isBlank() ? Optional.of(v.asString().strip()) : Optional.empty();
    }

    private static List<String> strings(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (v.isValueNode() && !v.asString().isBlank()) {
            return List.of(v.asString().strip());
        }
        List<String> values = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(x -> {
                if (x.isValueNode() && !x.asString().isBlank()) {
                    values.add(x.asString().strip());
                }
            });
        }
        return values;
    }
}
