package dev.atelier.brief.internal;

import dev.atelier.asset.AssetId;
import dev.atelier.brief.BriefComment;
import dev.atelier.brief.BriefId;
import dev.atelier.brief.LinkedAsset;
import dev.atelier.identity.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Assets linked to briefs ({@code brief_assets}, both ways) and the briefs' comments. */
@Repository
public class BriefLinks {

    private final JdbcClient jdbc;

    BriefLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return whether the link is new */
    public boolean link(LinkedAsset l) {
        long existing = jdbc.sql("SELECT COUNT(*) FROM brief_assets WHERE brief_id = ? AND asset_id = ? AND role = ? AND field_key = ?")
                .params(l.brief().value(), l.asset().value(), l.role().name(), l.fieldKey()).query(Long.class).single();
        if (existing > 0) {
            return false;
        }
        jdbc.sql("INSERT INTO brief_assets (brief_id, asset_id, role, field_key, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(l.brief().value(), l.asset().value(), l.role().name(), l.fieldKey(), l.addedBy().value(), Timestamp.from(l.addedAt()))
                .update();
        return true;
    }

    public boolean unlink(BriefId brief, AssetId asset, LinkedAsset.Role role) {
        return jdbc.sql("DELETE FROM brief_assets WHERE brief_id = ? AND asset_id = ? AND role = ?")
                .params(brief.value(), asset.value(), role.name()).update() > 0;
    }

    /** Links that fill a field, for replacing them when the field's value changes. */
    public void unlinkField(BriefId brief, String fieldKey) {
        jdbc.sql("DELETE FROM brief_assets WHERE brief_id = ? AND field_key = ?").params(brief.value(), fieldKey).update();
    }

    /** The brief's assets, by role, newest first within a role. */
    public List<LinkedAsset> of(BriefId brief) {
        return jdbc.sql("SELECT * FROM brief_assets WHERE brief_id = ? ORDER BY role, added_at DESC, asset_id").param(brief.value())
                .query(BriefLinks::map).list();
    }

    /** The other way: which briefs link the asset. */
    public List<LinkedAsset> linking(AssetId asset) {
        return jdbc.sql("SELECT * FROM brief_assets WHERE asset_id = ? ORDER BY added_at DESC").param(asset.value()).query(BriefLinks::map).list();
    }

    public void comment(BriefComment c) {
        jdbc.sql("INSERT INTO brief_comments (id, brief_id, author_id, body, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(c.id(), c.brief().value(), c.author().value(), c.body(), Timestamp.from(c.createdAt())).update();
    }

    /** Oldest first, as a conversation reads. */
    public List<BriefComment> comments(BriefId brief) {
        return jdbc.sql("SELECT * FROM brief_comments WHERE brief_id = ? ORDER BY created_at, id").param(brief.value())
                .query((rs, n) -> new BriefComment(rs.getObject("id", UUID.class), brief, new UserId(rs.getObject("author_id", UUID.class)),
                        rs.getString("body"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    private static LinkedAsset map(ResultSet rs, int row) throws SQLException {
        return new LinkedAsset(new BriefId(rs.getObject("brief_id", UUID.class)), new AssetId(rs.getObject("asset_id", UUID.class)),
                LinkedAsset.Role.valueOf(rs.getString("role")), rs.getString("field_key"), new UserId(rs.getObject("added_by", UUID.class)),
                rs.getTimestamp("added_at").toInstant());
    }
}
