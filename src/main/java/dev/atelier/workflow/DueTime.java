package dev.atelier.workflow;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a stage has: business days (Monday to Friday, in the server's zone) or an exact
 * duration. Written {@code 2 business days}, {@code 4 hours}, {@code 3 days} or ISO 8601 ({@code PT4H}).
 */
public record DueTime(int businessDays, Duration duration) {

    private static final Pattern TEXT = Pattern.compile("(\\d{1,3})\\s*(business days?|working days?|days?|hours?|minutes?)");

    /** When a stage that starts at {@code start} is due. */
    public Instant dueAt(Instant start, ZoneId zone) {
        ZonedDateTime at = start.atZone(zone).plus(duration);
        for (int left = businessDays; left > 0; ) {
            at = at.plusDays(1);
            if (at.getDayOfWeek() != DayOfWeek.SATURDAY && at.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return at.toInstant();
    }

    /** @return empty when the text is not a due time */
    public static Optional<DueTime> parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Matcher m = TEXT.matcher(t);
        if (m.matches()) {
            int n = Integer.parseInt(m.group(1));
            String unit = m.group(2);
            if (unit.startsWith("business") || unit.startsWith("working")) {
                return Optional.of(new DueTime(n, Duration.ZERO));
            }
            return Optional.of(new DueTime(0, unit.startsWith("day") ? Duration.ofDays(n) : unit.startsWith("hour") ? Duration.ofHours(n)
                    : Duration.ofMinutes(n)));
        }
        try {
            Duration d = Duration.parse(t.toUpperCase(Locale.ROOT));
            return d.isNegative() || d.isZero() ? Optional.empty() : Optional.of(new DueTime(0, d));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The way YAML writes it. */
    public String text() {
        if (businessDays > 0) {
            return businessDays + (businessDays == 1 ? " business day" : " business days");
        }
        if (duration.toMinutesPart() == 0 && duration.toHoursPart() == 0) {
            return duration.toDays() + (duration.toDays() == 1 ? " day" : " days");
        }
        return duration.toMinutes() % 60 == 0 ? duration.toHours() + " hours" : duration.toMinutes() + " minutes";
    }
}
