package dev.atelier.search.internal;

import dev.atelier.search.InvalidQueryException;
import dev.atelier.search.SearchQuery.Comparison;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads typed values out of a query ({@code 2026-11}, {@code 10MB}) as closed ranges of longs.
 * A date stands for its whole period: {@code created:2026-11} is all of November (UTC).
 */
final class FieldValues {

    /** An inclusive range; {@link Long#MIN_VALUE} / {@link Long#MAX_VALUE} for open ends. */
    record Range(long from, long to) {}

    private static final Pattern COUNT = Pattern.compile("(\\d{1,9})(?:-(\\d{1,9})|(\\+))?");
    private static final Pattern BYTES = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(b|kb|mb|gb|tb)?", Pattern.CASE_INSENSITIVE);

    private FieldValues() {
    }

    static Range range(IndexFields.Kind kind, String field, Comparison comparison, String value, String to) {
        Range first = period(kind, field, value);
        return switch (comparison) {
            case EQUALS -> first;
            case GREATER -> new Range(first.to() == Long.MAX_VALUE ? Long.MAX_VALUE : first.to() + 1, Long.MAX_VALUE);
            case AT_LEAST -> new Range(first.from(), Long.MAX_VALUE);
            case LESS -> new Range(Long.MIN_VALUE, first.from() - 1);
            case AT_MOST -> new Range(Long.MIN_VALUE, first.to());
            case BETWEEN -> new Range(first.from(), period(kind, field, to).to());
        };
    }

    private static Range period(IndexFields.Kind kind, String field, String value) {
        return switch (kind) {
            case DATE -> datePeriod(field, value);
            case BYTES -> point(bytes(field, value));
            case NUMBER -> point(number(field, value));
            case DECIMAL -> point(thousandths(field, value));
            case COUNT -> count(field, value);
            default -> throw new IllegalArgumentException(kind.name());
        };
    }

    private static Range point(long value) {
        return new Range(value, value);
    }

    private static Range datePeriod(String field, String value) {
        try {
            return switch (value.length()) {
                case 4 -> between(LocalDate.of(Integer.parseInt(value), 1, 1), LocalDate.of(Integer.parseInt(value) + 1, 1, 1));
                case 7 -> {
                    YearMonth month = YearMonth.parse(value);
                    yield between(month.atDay(1), month.plusMonths(1).atDay(1));
                }
                case 10 -> between(LocalDate.parse(value), LocalDate.parse(value).plusDays(1));
                default -> point(Instant.parse(value).toEpochMilli());
            };
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new InvalidQueryException("'" + field + ":" + value + "' needs a date like 2026, 2026-11, 2026-11-24 or 2026-11-24T10:00:00Z.");
        }
    }

    private static Range between(LocalDate from, LocalDate untilExclusive) {
        return new Range(from.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(),
                untilExclusive.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() - 1);
    }

    private static long bytes(String field, String value) {
        Matcher m = BYTES.matcher(value.strip());
        if (!m.matches()) {
            throw new InvalidQueryException("'" + field + ":" + value + "' needs a size like 500KB, 10MB or 1.5GB.");
        }
        int power = switch (m.group(2) == null ? "b" : m.group(2).toLowerCase(Locale.ROOT)) {
            case "kb" -> 1;
            case "mb" -> 2;
            case "gb" -> 3;
            case "tb" -> 4;
            default -> 0;
        };
        return new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1024).pow(power)).longValue();
    }

    /** A decimal number in thousandths: {@code 12.5} → 12500. */
    static long thousandths(String field, String value) {
        try {
            return new BigDecimal(value.strip()).movePointRight(3).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidQueryException("'" + field + ":" + value + "' needs a number like 12 or 0.5.");
        }
    }

    /** A count ({@code 3}) or a bucket of its facet: {@code none}, {@code 2-5}, {@code 6+}. */
    private static Range count(String field, String value) {
        if (value.strip().equalsIgnoreCase("none")) {
            return point(0);
        }
        Matcher m = COUNT.matcher(value.strip());
        if (!m.matches()) {
            throw new InvalidQueryException("'" + field + ":" + value
                    + "' needs a whole number, none, a range like 2-5, or 6+ for six or more.");
        }
        long from = Long.parseLong(m.group(1));
        long to = m.group(3) != null ? Long.MAX_VALUE : m.group(2) != null ? Long.parseLong(m.group(2)) : from;
        return new Range(from, to);
    }

    private static long number(String field, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new InvalidQueryException("'" + field + ":" + value + "' needs a whole number.");
        }
    }

    /** An inclusive range of decimals for a custom number field: {@code budget:>1000}, {@code rating:2.5..4}. */
    static double[] decimalRange(String field, Comparison comparison, String value, String to) {
        double v = decimal(field, value);
        return switch (comparison) {
            case EQUALS -> new double[] {v, v};
            case GREATER -> new double[] {Math.nextUp(v), Double.POSITIVE_INFINITY};
            case AT_LEAST -> new double[] {v, Double.POSITIVE_INFINITY};
            case LESS -> new double[] {Double.NEGATIVE_INFINITY, Math.nextDown(v)};
            case AT_MOST -> new double[] {Double.NEGATIVE_INFINITY, v};
            case BETWEEN -> new double[] {v, decimal(field, to)};
        };
    }

    private static double decimal(String field, String value) {
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidQueryException("'" + field + ":" + value + "' needs a number like 12 or 3.5.");
        }
    }

    /** yes/no, true/false as the index holds them. */
    static String bool(String field, String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> "true";
            case "false", "no", "0" -> "false";
            default -> throw new InvalidQueryException("'" + field + ":" + value + "' needs yes or no.");
        };
    }
}
