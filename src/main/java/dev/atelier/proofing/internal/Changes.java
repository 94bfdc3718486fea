package dev.atelier.proofing.internal;

import dev.atelier.identity.UserId;
import dev.atelier.proofing.Annotation.Change;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A {@link Change} (who, when) as a pair of nullable columns. */
final class Changes {

    private Changes() {
    }

    static Optional<Change> read(ResultSet rs, String by, String at) throws SQLException {
        UUID who = rs.getObject(by, UUID.class);
        return who == null ? Optional.empty() : Optional.of(new Change(new UserId(who), rs.getTimestamp(at).toInstant()));
    }

    static @Nullable UUID by(Optional<Change> change) {
        return change.map(c -> c.by().value()).orElse(null);
    }

    static @Nullable Timestamp at(Optional<Change> change) {
        return change.map(c -> Timestamp.from(c.at())).orElse(null);
    }
}
