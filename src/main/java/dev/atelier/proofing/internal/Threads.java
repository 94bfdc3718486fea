package dev.atelier.proofing.internal;

import dev.atelier.asset.AssetId;
import dev.atelier.identity.UserId;
import dev.atelier.proofing.AnnotationId;
import dev.atelier.proofing.Comment;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The comments of annotation threads with their mentions and attachments. */
@Repository
class Threads {

    private final JdbcClient jdbc;

    Threads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(AnnotationId annotation, Comment c) {
        jdbc.sql("INSERT INTO proof_comments (id, annotation_id, author_id, body, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(c.id(), annotation.value(), c.author().value(), c.body(), Timestamp.from(c.createdAt())).update();
        for (int i = 0; i < c.mentions().size(); i++) {
            jdbc.sql("INSERT INTO proof_mentions (comment_id, position, user_id) VALUES (?, ?, ?)")
                    .params(c.id(), i, c.mentions().get(i).value()).update();
        }
        for (int i = 0; i < c.attachments().size(); i++) {
            jdbc.sql("INSERT INTO proof_attachments (comment_id, position, asset_id) VALUES (?, ?, ?)")
                    .params(c.id(), i, c.attachments().get(i).value()).update();
        }
    }

    /** The threads of these annotations, oldest comment first. */
    Map<UUID, List<Comment>> of(Collection<UUID> annotations) {
        Map<UUID, List<Comment>> threads = new LinkedHashMap<>();
        if (annotations.isEmpty()) {
            return threads;
        }
        var ids = new ArrayList<>(annotations);
        Map<UUID, List<UserId>> mentions = new LinkedHashMap<>();
        jdbc.sql("SELECT m.comment_id, m.user_id FROM proof_mentions m JOIN proof_comments c ON c.id = m.comment_id "
                        + "WHERE c.annotation_id IN (:ids) ORDER BY m.position").param("ids", ids)
                .query(rs -> { mentions.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new UserId(rs.getObject(2, UUID.class))); });
        Map<UUID, List<AssetId>> attachments = new LinkedHashMap<>();
        jdbc.sql("SELECT a.comment_id, a.asset_id FROM proof_attachments a JOIN proof_comments c ON c.id = a.comment_id "
                        + "WHERE c.annotation_id IN (:ids) ORDER BY a.position").param("ids", ids)
                .query(rs -> { attachments.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(new AssetId(rs.getObject(2, UUID.class))); });
        jdbc.sql("SELECT * FROM proof_comments WHERE annotation_id IN (:ids) ORDER BY created_at, id").param("ids", ids)
                .query(rs -> {
                    UUID id = rs.getObject("id", UUID.class);
                    threads.computeIfAbsent(rs.getObject("annotation_id", UUID.class), k -> new ArrayList<>())
                            .add(new Comment(id, new UserId(rs.getObject("author_id", UUID.class)), rs.getString("body"),
                                    mentions.getOrDefault(id, List.of()), attachments.getOrDefault(id, List.of()),
                                    rs.getTimestamp("created_at").toInstant()));
                });
        return threads;
    }
}
