package dev.atelier.metadata.internal;

import dev.atelier.asset.AssetId;
import dev.atelier.metadata.FieldDefinition;
import dev.atelier.metadata.FieldType;
import dev.atelier.shared.AfterTransaction;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code metadata_fields} (schema) and {@code asset_field_values} tables. */
@Repository
public class FieldStore {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<List<UUID>> IDS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private volatile List<FieldDefinition> cached;

    FieldStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The schema, held in memory between changes: every search and every indexed asset asks for it. */
    public List<FieldDefinition> definitions() {
        List<FieldDefinition> current = cached;
        if (current == null) {
            current = jdbc.sql("SELECT * FROM metadata_fields ORDER BY position, field_key").query(this::mapDefinition).list();
            cached = current;
        }
        return current;
    }

    private void forgetDefinitions() {
        cached = null;
        AfterTransaction.run(() -> cached = null);
    }

    public Optional<FieldDefinition> definition(String key) {
        return definitions().stream().filter(d -> d.key().equals(key)).findFirst();
    }

    public void save(FieldDefinition d) {
        Object[] values = {d.label(), d.type().name(), d.required(), d.help(), json.writeValueAsString(d.options()),
                d.vocabulary().orElse(null), json.writeValueAsString(d.assetTypes()), json.writeValueAsString(d.collections()),
                d.position(), d.key()};
        int updated = jdbc.sql("UPDATE metadata_fields SET label = ?, type = ?, required = ?, help = ?, options = ?, vocabulary_id = ?, "
                + "asset_types = ?, collections = ?, position = ? WHERE field_key = ?").params(values).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO metadata_fields (label, type, required, help, options, vocabulary_id, asset_types, collections, position, "
                    + "field_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").params(values).update();
        }
        forgetDefinitions();
    }

    public void deleteDefinition(String key) {
        jdbc.sql("DELETE FROM asset_field_values WHERE field_key = ?").param(key).update();
        jdbc.sql("DELETE FROM collection_field_defaults WHERE field_key = ?").param(key).update();
        jdbc.sql("DELETE FROM metadata_fields WHERE field_key = ?").param(key).update();
        forgetDefinitions();
    }

    public int nextPosition() {
        return jdbc.sql("SELECT COALESCE(MAX(position), 0) + 1 FROM metadata_fields").query(Integer.class).single();
    }

    /** Stored values by field key, in order. */
    public Map<String, List<String>> values(AssetId asset) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        jdbc.sql("SELECT field_key, field_value FROM asset_field_values WHERE asset_id = ? ORDER BY field_key, position").param(asset.value())
                .query(rs -> {
                    values.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return values;
    }

    /** Replaces the values of one field of one asset. */
    public void replace(AssetId asset, String field, List<String> values) {
        jdbc.sql("DELETE FROM asset_field_values WHERE asset_id = ? AND field_key = ?").params(asset.value(), field).update();
        for (int i = 0; i < values.size(); i++) {
            jdbc.sql("INSERT INTO asset_field_values (asset_id, field_key, position, field_value) VALUES (?, ?, ?, ?)")
                    .params(asset.value(), field, i, values.get(i)).update();
        }
    }

    /** A collection's default values by field key. */
    public Map<String, List<String>> defaults(UUID collection) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        jdbc.sql("SELECT field_key, field_value FROM collection_field_defaults WHERE collection_id = ? ORDER BY field_key, position")
                .param(collection).query(rs -> {
                    values.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return values;
    }

    public void replaceDefaults(UUID collection, Map<String, List<String>> values) {
        jdbc.sql("DELETE FROM collection_field_defaults WHERE collection_id = ?").param(collection).update();
        values.forEach((field, list) -> {
            for (int i = 0; i < list.size(); i++) {
                jdbc.sql("INSERT INTO collection_field_defaults (collection_id, field_key, position, field_value) VALUES (?, ?, ?, ?)")
                        .params(collection, field, i, list.get(i)).update();
            }
        });
    }

    /** The assets holding any of the values in any of the fields. */
    public List<AssetId> holding(Collection<String> fields, Collection<String> values) {
        if (fields.isEmpty() || values.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT DISTINCT asset_id FROM asset_field_values WHERE field_key IN (:fields) AND field_value IN (:values)")
                .param("fields", fields).param("values", values).query((rs, n) -> new AssetId(rs.getObject(1, UUID.class))).list();
    }

    public List<AssetId> holdingField(String field) {
        return jdbc.sql("SELECT DISTINCT asset_id FROM asset_field_values WHERE field_key = ?").param(field)
                .query((rs, n) -> new AssetId(rs.getObject(1, UUID.class))).list();
    }

    /** In term fields: every value {@code from} becomes {@code to}, dropping it where the asset already has {@code to} in that field. */
    public void replaceValue(Collection<String> fields, String from, String to) {
        for (String field : fields) {
            jdbc.sql("DELETE FROM asset_field_values WHERE field_key = :field AND field_value = :from AND asset_id IN "
                    + "(SELECT asset_id FROM asset_field_values WHERE field_key = :field AND field_value = :to)")
                    .param("field", field).param("from", from).param("to", to).update();
            jdbc.sql("UPDATE asset_field_values SET field_value = :to WHERE field_key = :field AND field_value = :from")
                    .param("field", field).param("from", from).param("to", to).update();
        }
    }

    private FieldDefinition mapDefinition(ResultSet rs, int n) throws SQLException {
        return new FieldDefinition(rs.getString("field_key"), rs.getString("label"), FieldType.valueOf(rs.getString("type")),
                rs.getBoolean("required"), rs.getString("help"), json.readValue(rs.getString("options"), STRINGS),
                Optional.ofNullable(rs.getObject("vocabulary_id", UUID.class)), json.readValue(rs.getString("asset_types"), STRINGS),
                json.readValue(rs.getString("collections"), IDS), rs.getInt("position"));
    }
}
