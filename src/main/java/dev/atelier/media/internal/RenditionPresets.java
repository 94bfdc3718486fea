package dev.atelier.media.internal;

import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import dev.atelier.media.ImageSpec;
import dev.atelier.media.RenditionPreset;
import dev.atelier.shared.InvalidRequestException;
import dev.atelier.shared.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Admins define named presets; everyone who may see an asset gets signed URLs for them. */
@Service
public class RenditionPresets {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");

    private final JdbcClient jdbc;
    private final Clock clock;

    RenditionPresets(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<RenditionPreset> list() {
        return jdbc.sql("SELECT name, label, spec FROM rendition_presets ORDER BY name")
                .query((rs, row) -> new RenditionPreset(rs.getString("name"), rs.getString("label"), parse(rs.getString("spec"))))
                .list();
    }

    @Transactional(readOnly = true)
    public RenditionPreset get(String name) {
        return list().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new NotFoundException("preset '" + name + "'"));
    }

    /**
     * Creates or replaces a preset (admins only).
     *
     * @param parameters the spec as query parameters ({@code w}, {@code h}, {@code fit}, {@code g}, {@code fm}, {@code q},
     *     {@code dpr}); a version does not belong in a preset
     */
    @Transactional
    public RenditionPreset save(Actor actor, String name, String label, Map<String, String> parameters) {
        actor.require(Role.ADMIN);
        if (!NAME.matcher(name).matches()) {
            throw new InvalidRequestException("A preset name has lower-case letters, digits and dashes (up to 60), like 'web-1600'.");
        }
        Map<String, String> given = new LinkedHashMap<>(parameters);
        given.values().removeIf(String::isBlank);
        if (given.containsKey("v")) {
            throw new InvalidRequestException("A preset cannot name a version; URLs made from it may.");
        }
        ImageSpec spec = ImageSpec.parse(given);
        if (spec.width() == 0 && spec.height() == 0) {
            throw new InvalidRequestException("A preset needs a width, a height or both.");
        }
        String text = label == null || label.isBlank() ? name : label.strip();
        Timestamp now = Timestamp.from(Instant.now(clock));
        int updated = jdbc.sql("UPDATE rendition_presets SET label = ?, spec = ?, updated_at = ? WHERE name = ?")
                .params(text, spec.query(), now, name).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO rendition_presets (name, label, spec, updated_at) VALUES (?, ?, ?, ?)")
                    .params(name, text, spec.query(), now).update();
        }
        return new RenditionPreset(name, text, spec);
    }

    @Transactional
    public void delete(Actor actor, String name) {
        actor.require(Role.ADMIN);
        if (jdbc.sql("DELETE FROM rendition_presets WHERE name = ?").param(name).update() == 0) {
            throw new NotFoundException("preset '" + name + "'");
        }
    }

    /** The preset's spec, pinned to a version when one is given. */
    public static ImageSpec pinned(RenditionPreset preset, Optional<Integer> version) {
        ImageSpec s = preset.spec();
        return new ImageSpec(version, s.width(), s.height(), s.fit(), s.gravity(), s.format(), s.quality(), s.dpr(), s.page());
    }

    private static ImageSpec parse(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                parameters.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return ImageSpec.parse(parameters);
    }
}
