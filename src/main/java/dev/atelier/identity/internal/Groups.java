package dev.atelier.identity.internal;

import dev.atelier.identity.UserGroup;
import dev.atelier.identity.UserId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code user_groups} and {@code user_group_members} tables. */
@Repository
public class Groups {

    private final JdbcClient jdbc;

    Groups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID id, String name, Instant at) {
        jdbc.sql("INSERT INTO user_groups (id, name, created_at) VALUES (?, ?, ?)").params(id, name, Timestamp.from(at)).update();
    }

    public void rename(UUID id, String name) {
        jdbc.sql("UPDATE user_groups SET name = ? WHERE id = ?").params(name, id).update();
    }

    public void replaceMembers(UUID id, List<UserId> members) {
        jdbc.sql("DELETE FROM user_group_members WHERE group_id = ?").param(id).update();
        members.forEach(m -> jdbc.sql("INSERT INTO user_group_members (group_id, user_id) VALUES (?, ?)").params(id, m.value()).update());
    }

    public void delete(UUID id) {
        jdbc.sql("DELETE FROM user_group_members WHERE group_id = ?").param(id).update();
        jdbc.sql("DELETE FROM user_groups WHERE id = ?").param(id).update();
    }

    public Optional<UserGroup> find(UUID id) {
        return jdbc.sql("SELECT id, name FROM user_groups WHERE id = ?").param(id).query((rs, n) -> group(rs.getObject(1, UUID.class), rs.getString(2)))
                .optional();
    }

    public Optional<UserGroup> findByName(String name) {
        return jdbc.sql("SELECT id, name FROM user_groups WHERE LOWER(name) = LOWER(?)").param(name)
                .query((rs, n) -> group(rs.getObject(1, UUID.class), rs.getString(2))).optional();
    }

    public List<UserGroup> all() {
        return jdbc.sql("SELECT id, name FROM user_groups ORDER BY LOWER(name)").query((rs, n) -> group(rs.getObject(1, UUID.class), rs.getString(2)))
                .list();
    }

    private UserGroup group(UUID id, String name) {
        List<UserId> members = jdbc.sql("SELECT user_id FROM user_group_members WHERE group_id = ?").param(id)
                .query((rs, n) -> new UserId(rs.getObject(1, UUID.class))).list();
        return new UserGroup(id, name, members);
    }
}
