package dev.atelier.brief.web;

import dev.atelier.brief.CalendarEntry;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes calendar entries as an RFC 5545 iCalendar document of all-day events: CRLF line ends,
 * TEXT values escaped (§3.3.11), content lines folded at 75 octets without splitting a UTF-8
 * character (§3.1). Small on purpose: the feed needs a dozen properties, not a library.
 */
final class ICalendarWriter {

    static final int MAX_OCTETS = 75;
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final StringBuilder out = new StringBuilder();

    /**
     * @param name the calendar's name in subscribing apps (X-WR-CALNAME)
     * @param baseUrl scheme, host and port without a trailing slash; entries' links are made absolute with it
     * @param stamp when the document is made (DTSTAMP)
     */
    static String write(String name, String baseUrl, Instant stamp, List<CalendarEntry> entries) {
        ICalendarWriter w = new ICalendarWriter();
        w.line("BEGIN:VCALENDAR");
        w.line("VERSION:2.0");
        w.line("PRODID:-//Atelier//Calendar feed//EN");
        w.line("CALSCALE:GREGORIAN");
        w.line("METHOD:PUBLISH");
        w.line("X-WR-CALNAME:" + text(name));
        // a hint to the apps that honour it: poll hourly (Google decides for itself)
        w.line("REFRESH-INTERVAL;VALUE=DURATION:PT1H");
        w.line("X-PUBLISHED-TTL:PT1H");
        for (CalendarEntry e : entries) {
            w.event(e, baseUrl, stamp);
        }
        w.line("END:VCALENDAR");
        return w.out.toString();
    }

    private void event(CalendarEntry e, String baseUrl, Instant stamp) {
        line("BEGIN:VEVENT");
        line("UID:" + text(e.key() + "@atelier"));
        line("DTSTAMP:" + STAMP.format(stamp));
        line("DTSTART;VALUE=DATE:" + DATE.format(e.date()));
        line("DTEND;VALUE=DATE:" + DATE.format(e.date().plusDays(1)));
        line("SUMMARY:" + text(e.title()));
        line("URL:" + baseUrl + e.link());
        line("TRANSP:TRANSPARENT");
        line("END:VEVENT");
    }

    /** TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks. */
    static String text(String value) {
        StringBuilder b = new StringBuilder(value.length() + 8);
        String normalised = value.replace("\r\n", "\n").replace('\r', '\n');
        for (int i = 0; i < normalised.length(); i++) {
            char c = normalised.charAt(i);
            switch (c) {
                case '\\', ';', ',' -> b.append('\\').append(c);
                case '\n' -> b.append("\\n");
                default -> b.append(Character.isISOControl(c) && c != '\t' ? ' ' : c);
            }
        }
        return b.toString();
    }

    /** Appends one content line, folded so no physical line exceeds 75 octets of UTF-8. */
    private void line(String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = utf8Length(cp);
            if (octets + size > MAX_OCTETS) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }

    private static int utf8Length(int codePoint) {
        return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }
}
