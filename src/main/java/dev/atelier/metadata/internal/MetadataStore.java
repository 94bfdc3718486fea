package dev.atelier.metadata.internal;

import dev.atelier.asset.AssetId;
import dev.atelier.metadata.VersionMetadata;
import dev.atelier.metadata.VersionMetadata.Status;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.ObjIntConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code version_metadata} table: one row per version, fields and raw tags as JSON. */
@Repository
public class MetadataStore {

    private static final TypeReference<LinkedHashMap<String, List<String>>> FIELDS = new TypeReference<>() {};
    private static final TypeReference<LinkedHashMap<String, String>> RAW = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    MetadataStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void save(VersionMetadata m) {
        int updated = jdbc.sql("UPDATE version_metadata SET status = ?, reason = ?, fields = ?, raw = ?, updated_at = ? WHERE asset_id = ? AND version = ?")
                .params(m.status().name(), m.reason().orElse(null), json.writeValueAsString(m.fields()), json.writeValueAsString(m.raw()),
                        Timestamp.from(m.at()), m.assetId().value(), m.version())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO version_metadata (asset_id, version, status, reason, fields, raw, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(m.assetId().value(), m.version(), m.status().name(), m.reason().orElse(null),
                            json.writeValueAsString(m.fields()), json.writeValueAsString(m.raw()), Timestamp.from(m.at()))
                    .update();
        }
    }

    public Optional<VersionMetadata> find(AssetId asset, int version) {
        return jdbc.sql("SELECT * FROM version_metadata WHERE asset_id = ? AND version = ?").params(asset.value(), version)
                .query(this::map).optional();
    }

    /** Every version whose metadata has been read (or failed), streamed. */
    public void eachDone(ObjIntConsumer<AssetId> consumer) {
        jdbc.sql("SELECT asset_id, version FROM version_metadata WHERE status <> 'PENDING'").withFetchSize(1000)
                .query(rs -> {
                    consumer.accept(new AssetId(rs.getObject(1, UUID.class)), rs.getInt(2));
                });
    }

    private VersionMetadata map(ResultSet rs, int row) throws SQLException {
        Map<String, List<String>> fields = json.readValue(rs.getString("fields"), FIELDS);
        Map<String, String> raw = json.readValue(rs.getString("raw"), RAW);
        return new VersionMetadata(new AssetId(rs.getObject("asset_id", UUID.class)), rs.getInt("version"),
                Status.valueOf(rs.getString("status")), Optional.ofNullable(rs.getString("reason")), fields, raw,
                rs.getTimestamp("updated_at").toInstant());
    }
}
