package dev.atelier.metadata.internal;

import dev.atelier.asset.AssetId;
import dev.atelier.media.FaceCount;
import dev.atelier.metadata.DominantColour;
import dev.atelier.metadata.ImageAnalysis;
import dev.atelier.metadata.ImageAnalysis.Status;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.ObjIntConsumer;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code image_analysis} table (one row per version) and the hash bands of each asset's newest analysed version. */
@Repository
public class ImageAnalyses {

    private static final TypeReference<List<DominantColour>> COLOURS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ImageAnalyses(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Saves the version's analysis; when it is the asset's newest so far, its hash (or none) becomes the asset's for near-duplicates. */
    public void save(ImageAnalysis a) {
        jdbc.sql("DELETE FROM image_analysis WHERE asset_id = ? AND version = ?").params(a.assetId().value(), a.version()).update();
        Integer faces = a.faces() instanceof FaceCount.Counted(int n) ? Integer.valueOf(n) : null;
        jdbc.sql("""
                INSERT INTO image_analysis (asset_id, version, status, reason, width, height, transparent, colours, phash, faces,
                    faces_status, faces_reason, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(a.assetId().value(), a.version(), a.status().name(), a.reason().orElse(null), a.width(), a.height(),
                        a.transparent(), json.writeValueAsString(a.colours()), a.hash(), faces,
                        a.analysed() ? facesStatus(a.faces()) : null, a.analysed() ? cut(a.faces().reason()) : null, Timestamp.from(a.at()))
                .update();
        // a newer version analysed first (in any outcome) already decided the asset's hash
        int newest = jdbc.sql("SELECT MAX(version) FROM image_analysis WHERE asset_id = ?").param(a.assetId().value())
                .query(Integer.class).single();
        if (newest > a.version()) {
            return;
        }
        jdbc.sql("DELETE FROM image_hash_bands WHERE asset_id = ?").param(a.assetId().value()).update();
        if (a.analysed()) {
            for (int band = 0; band < HashBands.BANDS; band++) {
                jdbc.sql("INSERT INTO image_hash_bands (asset_id, band, band_value, version, phash) VALUES (?, ?, ?, ?, ?)")
                        .params(a.assetId().value(), band, HashBands.band(a.hash(), band), a.version(), a.hash()).update();
            }
        }
    }

    public Optional<ImageAnalysis> find(AssetId asset, int version) {
        return jdbc.sql("SELECT * FROM image_analysis WHERE asset_id = ? AND version = ?").params(asset.value(), version)
                .query(this::map).optional();
    }

    /** Every version whose analysis is done (in any outcome), streamed. */
    public void eachDone(ObjIntConsumer<AssetId> consumer) {
        jdbc.sql("SELECT asset_id, version FROM image_analysis WHERE status <> 'PENDING'").withFetchSize(1000)
                .query(rs -> {
                    consumer.accept(new AssetId(rs.getObject(1, UUID.class)), rs.getInt(2));
                });
    }

    /** A hash stored for near-duplicate lookup: the asset, which version it is of, the hash. */
    public record Candidate(AssetId asset, int version, long hash) {}

    /**
     * Every asset whose stored hash is within {@code maxDistance} bits of {@code hash}, found
     * through the band index only (see {@link HashBands}), then checked exactly.
     */
    public List<Candidate> within(long hash, int maxDistance) {
        int radius = HashBands.radius(maxDistance);
        List<String> lookups = new ArrayList<>();
        for (int band = 0; band < HashBands.BANDS; band++) {
            // integers built here, never user text: inlined, as hundreds of parameters would be
            String values = HashBands.within(HashBands.band(hash, band), radius).stream().map(String::valueOf)
                    .collect(Collectors.joining(","));
            lookups.add("SELECT asset_id, version, phash FROM image_hash_bands WHERE band = " + band + " AND band_value IN (" + values + ")");
        }
        Map<AssetId, Candidate> found = new LinkedHashMap<>();
        // one index range scan per band (a UNION ALL keeps both H2 and PostgreSQL on the index)
        jdbc.sql(String.join(" UNION ALL ", lookups))
                .query(rs -> {
                    var c = new Candidate(new AssetId(rs.getObject(1, UUID.class)), rs.getInt(2), rs.getLong(3));
                    if (Long.bitCount(c.hash() ^ hash) <= maxDistance) {
                        found.putIfAbsent(c.asset(), c);
                    }
                });
        return List.copyOf(found.values());
    }

    private ImageAnalysis map(ResultSet rs, int row) throws SQLException {
        return new ImageAnalysis(new AssetId(rs.getObject("asset_id", UUID.class)), rs.getInt("version"),
                Status.valueOf(rs.getString("status")), Optional.ofNullable(rs.getString("reason")), rs.getInt("width"),
                rs.getInt("height"), json.readValue(rs.getString("colours"), COLOURS), rs.getBoolean("transparent"),
                rs.getLong("phash"), faces(rs), rs.getTimestamp("updated_at").toInstant());
    }

    /**
     * How a face count is stored; {@code UNAVAILABLE} (and no status, from before faces were
     * counted) is counted again once a detector is there (see MetadataSweep).
     */
    private static String facesStatus(FaceCount faces) {
        return switch (faces) {
            case FaceCount.Counted c -> "COUNTED";
            case FaceCount.Unavailable u -> "UNAVAILABLE";
            case FaceCount.Failed f -> "FAILED";
        };
    }

    private static FaceCount faces(ResultSet rs) throws SQLException {
        String status = rs.getString("faces_status");
        String reason = Objects.requireNonNullElse(rs.getString("faces_reason"), "");
        return switch (status == null ? "" : status) {
            case "COUNTED" -> new FaceCount.Counted(rs.getInt("faces"));
            case "UNAVAILABLE" -> new FaceCount.Unavailable(reason);
            case "FAILED" -> new FaceCount.Failed(reason);
            default -> Status.valueOf(rs.getString("status")) == Status.ANALYSED
                    ? new FaceCount.Unavailable("analysed before faces were counted") : ImageAnalysis.NOT_ANALYSED;
        };
    }

    private static String cut(String reason) {
        return reason.length() > 2000 ? reason.substring(0, 2000) : reason;
    }
}
