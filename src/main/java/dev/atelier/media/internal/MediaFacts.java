package dev.atelier.media.internal;

import dev.atelier.asset.AssetId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The {@code media_facts} table: what the engines learnt of a version (size, pages, duration, codecs). */
@Repository
public class MediaFacts {

    private final JdbcClient jdbc;

    MediaFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the version's facts with these (nothing changes when there are none). */
    @Transactional
    public void save(AssetId asset, int version, Map<String, String> facts) {
        if (facts.isEmpty()) {
            return;
        }
        jdbc.sql("DELETE FROM media_facts WHERE asset_id = ? AND version_number = ?").params(asset.value(), version).update();
        facts.forEach((fact, value) -> jdbc.sql("INSERT INTO media_facts (asset_id, version_number, fact, fact_value) VALUES (?, ?, ?, ?)")
                .params(asset.value(), version, fact, value.length() > 200 ? value.substring(0, 200) : value).update());
    }

    /** Width and height as displayed (upright), from facts {@link #find} returned; empty when missing or unreadable. */
    static Optional<int[]> dimensions(Map<String, String> facts) {
        try {
            int width = Integer.parseInt(facts.getOrDefault("width", "0"));
            int height = Integer.parseInt(facts.getOrDefault("height", "0"));
            return width > 0 && height > 0 ? Optional.of(new int[] {width, height}) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public Map<String, String> find(AssetId asset, int version) {
        Map<String, String> facts = new LinkedHashMap<>();
        jdbc.sql("SELECT fact, fact_value FROM media_facts WHERE asset_id = ? AND version_number = ? ORDER BY fact")
                .params(asset.value(), version).query(rs -> {
                    facts.put(rs.getString("fact"), rs.getString("fact_value"));
                });
        return facts;
    }
}
