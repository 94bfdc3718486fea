package dev.atelier.brief;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.identity.Role;
import dev.atelier.identity.UserId;
import dev.atelier.testsupport.Api;
import dev.atelier.testsupport.IntegrationTest;
import dev.atelier.testsupport.UniqueWords;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** GET /api/v1/me/work: assigned to me, due soon, waiting on me. */
class MyWorkTests extends IntegrationTest {

    static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Autowired
    JdbcClient jdbc;

    @Test
    void listsWhatIsAssignedDueSoonAndWaitingOnEachUser() {
        var fixtures = new CalendarFixtures(jdbc);
        String word = UniqueWords.next();
        Api designer = as(word + "d", Role.CONTRIBUTOR);
        UserId designerId = id(word + "d");
        Api reviewer = as(word + "r", Role.REVIEWER);
        UserId owner = id("admin");
        UUID reviewed = fixtures.template(owner, id(word + "r"));

        BriefId assigned = fixtures.brief(reviewed, owner, "Assigned " + word, BriefStatus.ACCEPTED, TODAY.plusDays(3));
        fixtures.assign(assigned, designerId).milestone(assigned, "plan", 0, "Overdue draft", TODAY.minusDays(2))
                .milestone(assigned, "plan", 1, "Far away", TODAY.plusDays(MyWorkManagement.DUE_SOON_DAYS + 1));
        BriefId rejected = fixtures.brief(reviewed, owner, "Rejected " + word, BriefStatus.REJECTED, TODAY);
        fixtures.assign(rejected, designerId);
        BriefId returned = fixtures.brief(reviewed, designerId, "Returned " + word, BriefStatus.RETURNED, TODAY.plusDays(14));
        BriefId submitted = fixtures.brief(reviewed, designerId, "Submitted " + word, BriefStatus.SUBMITTED, null);

        JsonNode work = designer.get("/api/v1/me/work").json();
        assertThat(ids(work.get("assigned"), "briefId")).containsExactly(assigned.toString());
        assertThat(titles(work.get("dueSoon"), word)).containsExactly("Assigned " + word + ": Overdue draft",
                "Assigned " + word + " — due", "Returned " + word + " — due");
        assertThat(ids(work.get("waitingOnMe"), "briefId")).containsExactly(returned.toString());
        assertThat(work.get("waitingOnMe").get(0).get("reason").asString()).isEqualTo("returned to you to fix");

        assertThat(ids(reviewer.get("/api/v1/me/work").json().get("waitingOnMe"), "briefId")).containsExactly(submitted.toString());
        assertThat(ids(admin().get("/api/v1/me/work").json().get("waitingOnMe"), "briefId"))
                .as("the template names a reviewer, so managers are not asked").doesNotContain(submitted.toString());
    }

    @Test
    void aSubmittedBriefOfATemplateWithoutReviewersWaitsOnManagersOnly() {
        var fixtures = new CalendarFixtures(jdbc);
        String word = UniqueWords.next();
        Api manager = as(word + "m", Role.MANAGER);
        Api contributor = as(word + "c", Role.CONTRIBUTOR);
        UUID open = fixtures.template(id("admin"));
        BriefId submitted = fixtures.brief(open, id(word + "c"), "Anyone " + word, BriefStatus.SUBMITTED, null);

        assertThat(ids(manager.get("/api/v1/me/work").json().get("waitingOnMe"), "briefId")).contains(submitted.toString());
        assertThat(ids(contributor.get("/api/v1/me/work").json().get("waitingOnMe"), "briefId")).doesNotContain(submitted.toString());
    }

    private UserId id(String username) {
        return users.findByUsername(username).orElseThrow().id();
    }

    private static List<String> ids(JsonNode list, String field) {
        return StreamSupport.stream(list.spliterator(), false).map(n -> n.get(field).asString()).toList();
    }

    private static List<String> titles(JsonNode list, String word) {
        return StreamSupport.stream(list.spliterator(), false).map(n -> n.get("title").asString()).filter(t -> t.contains(word)).toList();
    }
}
