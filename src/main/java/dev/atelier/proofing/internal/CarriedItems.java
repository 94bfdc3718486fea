package dev.atelier.proofing.internal;

import dev.atelier.asset.AssetId;
import dev.atelier.proofing.AnnotationId;
import dev.atelier.proofing.CarriedItem;
import dev.atelier.proofing.CarriedItemId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Checklist items carried to a new version ({@code proof_carried_items}). */
@Repository
public class CarriedItems {

    private final JdbcClient jdbc;

    CarriedItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return whether it is new: a thread is carried to a version once, however often that is asked */
    public boolean insert(CarriedItem i) {
        long existing = jdbc.sql("SELECT COUNT(*) FROM proof_carried_items WHERE asset_id = ? AND version = ? AND annotation_id = ?")
                .params(i.asset().value(), i.version(), i.annotation().value()).query(Long.class).single();
        if (existing > 0) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO proof_carried_items (id, asset_id, version, annotation_id, from_version, label, state, carried_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(i.id().value(), i.asset().value(), i.version(), i.annotation().value(), i.fromVersion(), i.label(), i.state().name(),
                        Timestamp.from(i.carriedAt()))
                .update();
        return true;
    }

    /** Saves the state and who changed it, if the state is still {@code expected}; returns whether it was. */
    public boolean update(CarriedItem i, CarriedItem.State expected) {
        return jdbc.sql("""
                UPDATE proof_carried_items SET state = ?, addressed_by = ?, addressed_at = ?, confirmed_by = ?, confirmed_at = ?
                WHERE id = ? AND state = ?""")
                .params(i.state().name(), Changes.by(i.addressed()), Changes.at(i.addressed()), Changes.by(i.confirmed()),
                        Changes.at(i.confirmed()), i.id().value(), expected.name())
                .update() == 1;
    }

    public Optional<CarriedItem> find(CarriedItemId id) {
        return jdbc.sql("SELECT * FROM proof_carried_items WHERE id = ?").param(id.value()).query(CarriedItems::map).optional();
    }

    /** The version's checklist in the order the threads were opened. */
    public List<CarriedItem> of(AssetId asset, int version) {
        return jdbc.sql("""
                SELECT i.* FROM proof_carried_items i JOIN proof_annotations a ON a.id = i.annotation_id
                WHERE i.asset_id = ? AND i.version = ? ORDER BY a.version, a.number""")
                .params(asset.value(), version).query(CarriedItems::map).list();
    }

    private static CarriedItem map(ResultSet rs, int n) throws SQLException {
        return new CarriedItem(new CarriedItemId(rs.getObject("id", UUID.class)), new AssetId(rs.getObject("asset_id", UUID.class)),
                rs.getInt("version"), new AnnotationId(rs.getObject("annotation_id", UUID.class)), rs.getInt("from_version"),
                rs.getString("label"), CarriedItem.State.valueOf(rs.getString("state")), rs.getTimestamp("carried_at").toInstant(),
                Changes.read(rs, "addressed_by", "addressed_at"), Changes.read(rs, "confirmed_by", "confirmed_at"));
    }
}
