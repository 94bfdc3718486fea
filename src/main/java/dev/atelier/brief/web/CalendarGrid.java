package dev.atelier.brief.web;

import dev.atelier.brief.CalendarEntry;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The calendar page's grid: whole weeks, Monday first, for a month or a single week, with each
 * day's entries. The range it covers is known before the entries are fetched ({@link #first},
 * {@link #last}); {@link #fill} then lays them out.
 */
record CalendarGrid(String view, LocalDate anchor, LocalDate first, LocalDate last, String title, LocalDate previous, LocalDate next) {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    /** One day cell. @param outside the day belongs to the previous or next month (month view) */
    record Day(LocalDate date, boolean outside, boolean today, List<Entry> entries) {}

    /** An entry as the page shows it. */
    record Entry(CalendarEntry entry, boolean overdue) {}

    static CalendarGrid month(LocalDate anchor) {
        LocalDate start = anchor.withDayOfMonth(1);
        LocalDate end = anchor.with(TemporalAdjusters.lastDayOfMonth());
        return new CalendarGrid("month", anchor, start.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)),
                end.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)), MONTH.format(anchor), start.minusMonths(1), start.plusMonths(1));
    }

    static CalendarGrid week(LocalDate anchor) {
        LocalDate monday = anchor.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new CalendarGrid("week", anchor, monday, monday.plusDays(6), "Week of " + DAY.format(monday), monday.minusWeeks(1),
                monday.plusWeeks(1));
    }

    /** The weeks of the grid, each of seven days, with the entries on their days. */
    List<List<Day>> fill(List<CalendarEntry> entries, LocalDate today) {
        Map<LocalDate, List<Entry>> byDay = entries.stream().collect(Collectors.groupingBy(CalendarEntry::date,
                Collectors.mapping(e -> new Entry(e, e.overdue(today)), Collectors.toList())));
        List<List<Day>> weeks = new ArrayList<>();
        for (LocalDate monday = first; !monday.isAfter(last); monday = monday.plusWeeks(1)) {
            List<Day> days = new ArrayList<>(7);
            for (LocalDate d = monday; d.isBefore(monday.plusWeeks(1)); d = d.plusDays(1)) {
                boolean outside = view.equals("month") && d.getMonth() != anchor.getMonth();
                days.add(new Day(d, outside, d.equals(today), byDay.getOrDefault(d, List.of())));
            }
            weeks.add(days);
        }
        return weeks;
    }
}
