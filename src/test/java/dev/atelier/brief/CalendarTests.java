package dev.atelier.brief;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.identity.UserId;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The calendar range query over HTTP: bounds, kinds, order, what is left out, and the range limit. */
class CalendarTests extends OwnerWithTemplate {

    static final LocalDate JUNE_1 = LocalDate.parse("2032-06-01");
    static final LocalDate JUNE_30 = LocalDate.parse("2032-06-30");

    @Test
    void listsDueDatesAndMilestonesOfTheWholeRangeInclusiveSortedByDate() {
        BriefId launch = fixtures.brief(template, ownerId, "Launch " + word, BriefStatus.ACCEPTED, JUNE_30);
        fixtures.milestone(launch, "plan", 0, "Shoot", JUNE_1).milestone(launch, "plan", 1, "Edit", JUNE_30.plusDays(1));
        fixtures.brief(template, ownerId, "Before " + word, BriefStatus.ACCEPTED, JUNE_1.minusDays(1));

        JsonNode entries = owner.get("/api/v1/calendar?from=" + JUNE_1 + "&to=" + JUNE_30).json();

        assertThat(mine(entries)).extracting(e -> e.get("date").asString(), e -> e.get("kind").asString(), e -> e.get("title").asString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("2032-06-01", "milestone", "Launch " + word + ": Shoot"),
                        org.assertj.core.groups.Tuple.tuple("2032-06-30", "brief_due", "Launch " + word + " — due"));
        assertThat(mine(entries).getFirst().get("link").asString()).isEqualTo("/briefs/" + launch);
        assertThat(mine(entries).getFirst().get("briefId").asString()).isEqualTo(launch.toString());
    }

    @Test
    void leavesOutRejectedBriefsAndShowsOnlyMineWhenAsked() {
        fixtures.brief(template, ownerId, "Rejected " + word, BriefStatus.REJECTED, JUNE_1);
        UserId other = users.findByUsername("admin").orElseThrow().id();
        BriefId assigned = fixtures.brief(template, other, "Assigned " + word, BriefStatus.ACCEPTED, JUNE_1);
        fixtures.assign(assigned, ownerId);
        fixtures.brief(template, other, "Theirs " + word, BriefStatus.SUBMITTED, JUNE_1);

        assertThat(titles(owner.get("/api/v1/calendar?from=" + JUNE_1 + "&to=" + JUNE_1).json()))
                .containsExactly("Assigned " + word + " — due", "Theirs " + word + " — due");
        assertThat(titles(owner.get("/api/v1/calendar?from=" + JUNE_1 + "&to=" + JUNE_1 + "&mine=true").json()))
                .containsExactly("Assigned " + word + " — due");
    }

    @Test
    void refusesARangeLongerThanFourHundredDaysOrBackwards() {
        var tooLong = owner.get("/api/v1/calendar?from=2032-01-01&to=2033-02-04");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.header("Content-Type")).startsWith("application/problem+json");
        assertThat(tooLong.json().get("detail").asString()).contains("at most 400 days");

        assertThat(owner.get("/api/v1/calendar?from=2032-01-01&to=2033-02-03").status()).as("exactly 400 days").isEqualTo(200);
        assertThat(owner.get("/api/v1/calendar?from=2032-02-01&to=2032-01-31").status()).isEqualTo(400);
        assertThat(owner.get("/api/v1/calendar?from=2032-02-01").status()).isEqualTo(400);
    }

    private List<JsonNode> mine(JsonNode entries) {
        return StreamSupport.stream(entries.spliterator(), false).filter(e -> e.get("title").asString().contains(word)).toList();
    }

    private List<String> titles(JsonNode entries) {
        return mine(entries).stream().map(e -> e.get("title").asString()).toList();
    }
}
