package dev.atelier.brief.internal;

import dev.atelier.brief.BriefFieldType;
import dev.atelier.brief.BriefId;
import dev.atelier.brief.BriefValue;
import dev.atelier.brief.BriefValues;
import dev.atelier.brief.TemplateField;
import dev.atelier.metadata.FieldValidationException;
import java.sql.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A brief's field values: one JSON document per field in {@code brief_values}, and for
 * milestone lists and channel/market pickers the same values again as rows that calendars and
 * boards query by date and by term.
 */
@Component
class StoredValues {

    private static final Logger log = LoggerFactory.getLogger(StoredValues.class);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final BriefTemplates templates;

    StoredValues(JdbcClient jdbc, JsonMapper json, BriefTemplates templates) {
        this.jdbc = jdbc;
        this.json = json;
        this.templates = templates;
    }

    void write(BriefId brief, UUID template, Map<String, BriefValue> values) {
        Map<String, BriefFieldType> types = types(template);
        values.forEach((key, value) -> {
            jdbc.sql("INSERT INTO brief_values (brief_id, field_key, field_value) VALUES (?, ?, ?)")
                    .params(brief.value(), key, json.writeValueAsString(value.json())).update();
            if (value instanceof BriefValue.Milestones m) {
                for (int i = 0; i < m.milestones().size(); i++) {
                    var milestone = m.milestones().get(i);
                    jdbc.sql("INSERT INTO brief_milestones (brief_id, field_key, position, name, due_on) VALUES (?, ?, ?, ?, ?)")
                            .params(brief.value(), key, i, milestone.name(), Date.valueOf(milestone.due())).update();
                }
            }
            if (value instanceof BriefValue.Terms t) {
                t.terms().forEach(term -> jdbc.sql("INSERT INTO brief_terms (brief_id, field_key, kind, term_id) VALUES (?, ?, ?, ?)")
                        .params(brief.value(), key, types.get(key).name(), term).update());
            }
        });
    }

    void delete(BriefId brief) {
        for (String table : List.of("brief_values", "brief_milestones", "brief_terms")) {
            jdbc.sql("DELETE FROM " + table + " WHERE brief_id = ?").param(brief.value()).update();
        }
    }

    /** The values of the template's current fields; a value its field can no longer hold (the type changed) is left out. */
    Map<String, BriefValue> read(BriefId brief, UUID template) {
        Map<String, TemplateField> fields = new LinkedHashMap<>();
        templates.fields(template).forEach(f -> fields.put(f.key(), f));
        Map<String, BriefValue> values = new LinkedHashMap<>();
        jdbc.sql("SELECT field_key, field_value FROM brief_values WHERE brief_id = ?").param(brief.value()).query((rs, n) -> {
            TemplateField field = fields.get(rs.getString(1));
            if (field != null) {
                try {
                    BriefValues.parse(field, json.readValue(rs.getString(2), Object.class)).ifPresent(v -> values.put(field.key(), v));
                } catch (FieldValidationException e) {
                    log.warn("Brief {} keeps a value of '{}' its field no longer takes: {}", brief, field.key(), e.getMessage());
                }
            }
            return null;
        }).list();
        return values;
    }

    private Map<String, BriefFieldType> types(UUID template) {
        Map<String, BriefFieldType> types = new LinkedHashMap<>();
        templates.fields(template).forEach(f -> types.put(f.key(), f.type()));
        return types;
    }
}
