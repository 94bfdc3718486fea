package dev.atelier.brief;

import dev.atelier.identity.UserId;
import dev.atelier.shared.InvalidRequestException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Which cards a board view shows; every part is optional and all given parts must hold.
 *
 * @param channel a taxonomy term the brief's channel field holds
 */
public record BoardFilter(Optional<UserId> assignee, Optional<UUID> channel, Optional<Due> due) {

    public static final BoardFilter NONE = new BoardFilter(Optional.empty(), Optional.empty(), Optional.empty());

    public boolean isEmpty() {
        return assignee.isEmpty() && channel.isEmpty() && due.isEmpty();
    }

    /** Due-date windows, relative to today in the application clock's zone. */
    public enum Due {
        /** Due before today and not done. */
        OVERDUE,
        /** Due today or within the next 7 days. */
        NEXT_7_DAYS,
        /** Due today or within the next 30 days. */
        NEXT_30_DAYS,
        /** No due date. */
        NO_DATE;

        public String slug() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        public String label() {
            return switch (this) {
                case OVERDUE -> "Overdue";
                case NEXT_7_DAYS -> "Next 7 days";
                case NEXT_30_DAYS -> "Next 30 days";
                case NO_DATE -> "No date";
            };
        }

        /** The last day of the window, for the windows that look ahead. */
        public Optional<LocalDate> until(LocalDate today) {
            return switch (this) {
                case NEXT_7_DAYS -> Optional.of(today.plusDays(7));
                case NEXT_30_DAYS -> Optional.of(today.plusDays(30));
                default -> Optional.empty();
            };
        }

        /** @throws InvalidRequestException naming the windows */
        public static Due fromSlug(String slug) {
            for (Due d : values()) {
                if (d.slug().equalsIgnoreCase(slug.strip())) {
                    return d;
                }
            }
            throw new InvalidRequestException("'" + slug + "' is not a due filter. Use overdue, next-7-days, next-30-days or no-date.");
        }
    }
}
