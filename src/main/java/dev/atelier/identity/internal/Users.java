package dev.atelier.identity.internal;

import dev.atelier.identity.Role;
import dev.atelier.identity.User;
import dev.atelier.identity.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code users} table. */
@Repository
public class Users {

    private static final String COLUMNS = "id, username, display_name, role, enabled, created_at, email";

    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(User user, String passwordHash) {
        jdbc.sql("""
                INSERT INTO users (id, username, display_name, password_hash, role, enabled, created_at, email)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(user.id().value(), user.username(), user.displayName(), passwordHash, user.role().name(),
                        user.enabled(), Timestamp.from(user.createdAt()), user.email().orElse(null))
                .update();
    }

    public Optional<User> findByUsername(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE username = ?").param(username).query(Users::map).optional();
    }

    public Optional<User> findById(UserId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = ?").param(id.value()).query(Users::map).optional();
    }

    public Optional<User> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE email = ?").param(email).query(Users::map).optional();
    }

    public void updateEmail(UserId id, Optional<String> email) {
        jdbc.sql("UPDATE users SET email = ? WHERE id = ?").params(email.orElse(null), id.value()).update();
    }

    public List<User> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users ORDER BY username").query(Users::map).list();
    }

    Optional<String> passwordHash(String username) {
        return jdbc.sql("SELECT password_hash FROM users WHERE username = ?").param(username).query(String.class).optional();
    }

    static User map(ResultSet rs, int row) throws SQLException {
        return new User(new UserId(rs.getObject("id", UUID.class)), rs.getString("username"), rs.getString("display_name"),
                Role.valueOf(rs.getString("role")), rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant(),
                Optional.ofNullable(rs.getString("email")));
    }
}
