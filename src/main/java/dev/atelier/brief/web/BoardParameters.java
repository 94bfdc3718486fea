package dev.atelier.brief.web;

import dev.atelier.brief.BoardFilter;
import dev.atelier.brief.BriefId;
import dev.atelier.identity.UserId;
import dev.atelier.shared.InvalidRequestException;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Reads board request parameters (filters, ids) the same way for the API and the pages. */
final class BoardParameters {

    private BoardParameters() {
    }

    /** Blank parameters are no filter (what an untouched filter form sends). */
    static BoardFilter filter(@Nullable String assignee, @Nullable String channel, @Nullable String due) {
        return new BoardFilter(uuid("assignee", assignee).map(UserId::new), uuid("channel", channel),
                present(due).map(BoardFilter.Due::fromSlug));
    }

    static Optional<BriefId> brief(@Nullable String id) {
        return uuid("before", id).map(BriefId::new);
    }

    static Optional<UUID> uuid(String name, @Nullable String text) {
        try {
            return present(text).map(UUID::fromString);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("'" + name + "' must be an id; '" + text + "' is not one.");
        }
    }

    private static Optional<String> present(@Nullable String text) {
        return Optional.ofNullable(text).map(String::strip).filter(s -> !s.isEmpty());
    }
}
