package dev.atelier.brief.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.brief.BriefId;
import dev.atelier.brief.CalendarEntry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ICalendarWriterTests {

    static final Instant NOW = Instant.parse("2026-05-01T12:34:56Z");

    @Test
    void escapesTextValues() {
        assertThat(ICalendarWriter.text("a\\b;c,d\r\ne\nf\rg")).isEqualTo("a\\\\b\\;c\\,d\\ne\\nf\\ng");
    }

    @Test
    void foldsLongLinesAt75OctetsWithoutSplittingACharacter() {
        String title = "€".repeat(40) + "😀".repeat(20) + "x".repeat(100);
        String ics = ICalendarWriter.write("Cal", "https://dam.example", NOW, List.of(entry(title)));

        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
            assertThat(line).as("a surrogate pair kept whole").doesNotMatch("^ ?[\\uDC00-\\uDFFF].*|.*[\\uD800-\\uDBFF]$");
        }
        assertThat(ics.replace("\r\n ", "")).contains("SUMMARY:" + title + "\r\n");
    }

    @Test
    void writesAnAllDayEventWithAStableUidAndAnAbsoluteUrl() {
        String ics = ICalendarWriter.write("Atelier — ann", "https://dam.example", NOW, List.of(entry("Launch — due")));

        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:").endsWith("END:VCALENDAR\r\n")
                .contains("CALSCALE:GREGORIAN\r\n", "X-WR-CALNAME:Atelier — ann\r\n", "UID:brief-due-1@atelier\r\n",
                        "DTSTAMP:20260501T123456Z\r\n", "DTSTART;VALUE=DATE:20261231\r\n", "DTEND;VALUE=DATE:20270101\r\n",
                        "URL:https://dam.example/briefs/x\r\n");
    }

    private static CalendarEntry entry(String title) {
        return new CalendarEntry(LocalDate.parse("2026-12-31"), CalendarEntry.Kind.BRIEF_DUE, "brief-due-1", title, "/briefs/x",
                Optional.of(new BriefId(UUID.randomUUID())));
    }
}
