package dev.atelier.media.internal;

import dev.atelier.asset.Asset;
import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetManagement;
import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import dev.atelier.shared.InvalidRequestException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An asset's focal point: where its subject is, as fractions of the displayed width and height.
 * Cover crops without an explicit gravity keep it in frame; those who may edit the asset set it.
 */
@Service
public class FocalPoints {

    /** {@code x}, {@code y} in 0..1 from the top left. */
    public record FocalPoint(double x, double y) {

        /** As a gravity for the engines: {@code focal:0.300,0.700}. */
        String gravity() {
            return String.format(java.util.Locale.ROOT, "focal:%.3f,%.3f", x, y);
        }
    }

    private final JdbcClient jdbc;
    private final AssetManagement assets;
    private final Clock clock;

    FocalPoints(JdbcClient jdbc, AssetManagement assets, Clock clock) {
        this.jdbc = jdbc;
        this.assets = assets;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<FocalPoint> find(AssetId asset) {
        return jdbc.sql("SELECT x, y FROM focal_points WHERE asset_id = ?").param(asset.value())
                .query((rs, row) -> new FocalPoint(rs.getDouble("x"), rs.getDouble("y"))).optional();
    }

    @Transactional
    public FocalPoint set(Actor actor, AssetId id, double x, double y) {
        mayEdit(actor, id);
        if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1)) {
            throw new InvalidRequestException("A focal point's x and y are fractions from 0 to 1 (0,0 is the top left corner).");
        }
        Timestamp now = Timestamp.from(Instant.now(clock));
        if (jdbc.sql("UPDATE focal_points SET x = ?, y = ?, updated_at = ? WHERE asset_id = ?").params(x, y, now, id.value()).update() == 0) {
            jdbc.sql("INSERT INTO focal_points (asset_id, x, y, updated_at) VALUES (?, ?, ?, ?)").params(id.value(), x, y, now).update();
        }
        return new FocalPoint(x, y);
    }

    @Transactional
    public void clear(Actor actor, AssetId id) {
        mayEdit(actor, id);
        jdbc.sql("DELETE FROM focal_points WHERE asset_id = ?").param(id.value()).update();
    }

    /** @throws dev.atelier.shared.NotFoundException when there is no such asset; viewers and up may look */
    public void mayView(Actor actor, AssetId id) {
        assets.get(actor, id);
    }

    /** Whether the actor may set this asset's focal point (its owner with at least the contributor role, or a manager). */
    public boolean mayEditQuietly(Actor actor, AssetId id) {
        try {
            mayEdit(actor, id);
            return true;
        } catch (org.springframework.security.access.AccessDeniedException e) {
            return false;
        }
    }

    private void mayEdit(Actor actor, AssetId id) {
        actor.require(Role.CONTRIBUTOR);
        Asset asset = assets.get(actor, id);
        actor.requireOwnerOrManager(asset.ownerId(), "set this asset's focal point");
    }
}
