package dev.atelier.audit.internal;

import dev.atelier.audit.AuditRecord;
import dev.atelier.audit.ChainVerification;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code audit_log} table. Appends lock the single {@code audit_head} row, so concurrent
 * transactions chain one after the other; an append joins the caller's transaction and rolls
 * back with it. There is deliberately no update or delete.
 */
@Repository
public class AuditLog {

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Appends inside the caller's transaction; fails when there is none, so a record can never outlive its change. */
    @Transactional(propagation = Propagation.MANDATORY)
    public AuditRecord append(Instant at, @Nullable UUID actor, String action, String subjectType, String subjectId, String details) {
        var head = jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}).single();
        long seq = (long) head[0] + 1;
        String prev = (String) head[1];
        var unhashed = new AuditRecord(seq, at, Optional.ofNullable(actor), action, subjectType, subjectId, details, prev, "");
        var record = new AuditRecord(seq, at, unhashed.actorId(), action, subjectType, subjectId, details, prev, hash(unhashed));
        jdbc.sql("""
                INSERT INTO audit_log (seq, occurred_at, actor_id, action, subject_type, subject_id, details, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(seq, Timestamp.from(at), actor, action, subjectType, subjectId, details, prev, record.hash()).update();
        jdbc.sql("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1").params(seq, record.hash()).update();
        return record;
    }

    public List<AuditRecord> page(Optional<Long> beforeSeq, int limit) {
        return beforeSeq
                .map(b -> jdbc.sql("SELECT * FROM audit_log WHERE seq < ? ORDER BY seq DESC FETCH FIRST ? ROWS ONLY").params(b, limit))
                .orElseGet(() -> jdbc.sql("SELECT * FROM audit_log ORDER BY seq DESC FETCH FIRST ? ROWS ONLY").params(limit))
                .query(AuditLog::map).list();
    }

    public List<AuditRecord> forSubject(String subjectType, String subjectId) {
        return jdbc.sql("SELECT * FROM audit_log WHERE subject_type = ? AND subject_id = ? ORDER BY seq")
                .params(subjectType, subjectId).query(AuditLog::map).list();
    }

    /** Streams the whole chain in order and re-computes every hash. */
    public ChainVerification verify() {
        AtomicLong checked = new AtomicLong();
        AtomicReference<String> expectedPrev = new AtomicReference<>("0".repeat(64));
        AtomicReference<Long> broken = new AtomicReference<>();
        jdbc.sql("SELECT * FROM audit_log ORDER BY seq").query((ResultSet rs) -> {
            AuditRecord r = map(rs, 0);
            checked.incrementAndGet();
            boolean fits = r.seq() == checked.get() && r.prevHash().equals(expectedPrev.get()) && r.hash().equals(hash(r));
            if (!fits && broken.get() == null) {
                broken.set(r.seq());
            }
            expectedPrev.set(r.hash());
        });
        return new ChainVerification(checked.get(), Optional.ofNullable(broken.get()));
    }

    static String hash(AuditRecord record) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(record.canonical().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AuditRecord map(ResultSet rs, int row) throws SQLException {
        return new AuditRecord(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(),
                Optional.ofNullable(rs.getObject("actor_id", UUID.class)), rs.getString("action"), rs.getString("subject_type"),
                rs.getString("subject_id"), rs.getString("details"), rs.getString("prev_hash"), rs.getString("hash"));
    }
}
