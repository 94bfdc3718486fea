package dev.atelier.brief;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.testsupport.Api;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DateProperty;
import org.junit.jupiter.api.Test;

/** The per-user iCalendar feed, fetched without login like a calendar app does and read back with ical4j. */
class CalendarFeedTests extends OwnerWithTemplate {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Test
    void feedsTheUsersDueDatesAndMilestonesAsAllDayEvents() throws Exception {
        // commas, semicolons, a backslash, a line break, and long non-ASCII text that must fold between characters
        String title = "Été, printemps; \"quoted\" \\ back\nslash — " + "日本語のキャンペーン素材".repeat(4) + " " + word;
        BriefId brief = fixtures.brief(template, ownerId, title, BriefStatus.ACCEPTED, TODAY.plusDays(10));
        fixtures.milestone(brief, "plan", 2, "Shoot", TODAY.minusDays(5));
        fixtures.brief(template, ownerId, "Too old " + word, BriefStatus.ACCEPTED, TODAY.minusDays(CalendarFeedManagement.DAYS_BACK + 1));
        fixtures.brief(template, users.findByUsername("admin").orElseThrow().id(), "Not mine " + word, BriefStatus.ACCEPTED, TODAY);

        var response = Api.anonymous(port).get(feedPath(createFeed()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualToIgnoringCase("text/calendar;charset=UTF-8");
        assertThat(response.text().replace("\r\n", "")).as("every line ends in CRLF").doesNotContain("\n", "\r");
        assertThat(response.text().split("\r\n")).allSatisfy(line -> assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(75));
        Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(response.bytes()));
        assertThat(value(calendar.getRequiredProperty(Property.VERSION))).isEqualTo("2.0");
        assertThat(value(calendar.getRequiredProperty("X-WR-CALNAME"))).isEqualTo("Atelier — " + word);
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(2);

        VEvent milestone = events.get(0);
        assertThat(text(milestone, Property.UID)).isEqualTo("milestone-" + brief + "-plan-2@atelier");
        assertThat(text(milestone, Property.SUMMARY)).isEqualTo(title + ": Shoot");
        assertThat(date(milestone, Property.DTSTART)).isEqualTo(TODAY.minusDays(5));
        assertThat(date(milestone, Property.DTEND)).isEqualTo(TODAY.minusDays(4));

        VEvent due = events.get(1);
        assertThat(text(due, Property.UID)).isEqualTo("brief-due-" + brief + "@atelier");
        assertThat(text(due, Property.SUMMARY)).isEqualTo(title + " — due");
        assertThat(date(due, Property.DTSTART)).isEqualTo(TODAY.plusDays(10));
        assertThat(text(due, Property.URL)).isEqualTo("http://127.0.0.1:" + port + "/briefs/" + brief);
        assertThat(due.getProperty(Property.DTSTAMP)).isPresent();
    }

    @Test
    void aResetLinkReplacesTheOldOneAndARevokedOrUnknownLinkIsNotFound() {
        String first = createFeed();
        String second = createFeed();
        assertThat(second).isNotEqualTo(first);
        assertThat(token(second)).hasSizeGreaterThanOrEqualTo(43);

        assertThat(Api.anonymous(port).get(feedPath(first)).status()).isEqualTo(404);
        assertThat(Api.anonymous(port).get(feedPath(second)).status()).isEqualTo(200);

        assertThat(owner.delete("/api/v1/calendar/feed").status()).isEqualTo(204);
        var revoked = Api.anonymous(port).get(feedPath(second));
        assertThat(revoked.status()).isEqualTo(404);
        assertThat(revoked.header("Content-Type")).startsWith("application/problem+json");
        assertThat(revoked.header("Set-Cookie")).as("no session for a calendar app").isNull();
        assertThat(owner.delete("/api/v1/calendar/feed").status()).isEqualTo(404);
        assertThat(Api.anonymous(port).get("/calendar/feeds/" + "A".repeat(43) + ".ics").status()).isEqualTo(404);
    }

    @Test
    void theFeedOfADisabledUserIsNotFound() {
        String url = createFeed();
        jdbc.sql("UPDATE users SET enabled = FALSE WHERE id = ?").param(ownerId.value()).update();

        assertThat(Api.anonymous(port).get(feedPath(url)).status()).isEqualTo(404);
    }

    private String createFeed() {
        var created = owner.post("/api/v1/calendar/feed");
        assertThat(created.status()).isEqualTo(201);
        String url = created.json().get("url").asString();
        assertThat(url).startsWith("http://127.0.0.1:" + port + "/calendar/feeds/").endsWith(".ics");
        return url;
    }

    private static String feedPath(String url) {
        return URI.create(url).getPath();
    }

    private static String token(String url) {
        return feedPath(url).replace("/calendar/feeds/", "").replace(".ics", "");
    }

    private static String value(Property p) {
        return p.getValue();
    }

    private static String text(VEvent event, String name) {
        return event.getProperty(name).map(Property::getValue).orElseThrow();
    }

    private static LocalDate date(VEvent event, String name) {
        return LocalDate.from(event.<DateProperty<?>>getProperty(name).orElseThrow().getDate());
    }
}
