package dev.atelier.brief.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.brief.BriefId;
import dev.atelier.brief.BriefStatus;
import dev.atelier.brief.CalendarEntry;
import dev.atelier.brief.CalendarFixtures;
import dev.atelier.brief.CalendarQuery;
import dev.atelier.brief.MyWork;
import dev.atelier.identity.Role;
import dev.atelier.identity.User;
import dev.atelier.identity.UserId;
import dev.atelier.identity.internal.Users;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The calendar sources, the "My work" queries and the feed tokens, on H2 and on PostgreSQL by the subclasses. */
@JdbcTest
@Import({BriefDueDates.class, MilestoneDates.class, MyWorkQueries.class, CalendarFeeds.class, Users.class})
abstract class CalendarQueriesTests {

    static final LocalDate MAY_1 = LocalDate.parse("2031-05-01");
    static final LocalDate MAY_31 = LocalDate.parse("2031-05-31");

    @Autowired
    BriefDueDates dueDates;
    @Autowired
    MilestoneDates milestones;
    @Autowired
    MyWorkQueries work;
    @Autowired
    CalendarFeeds feeds;
    @Autowired
    Users users;
    @Autowired
    JdbcClient jdbc;

    CalendarFixtures fixtures;
    User owner;
    User other;
    UUID template;

    @BeforeEach
    void rows() {
        fixtures = new CalendarFixtures(jdbc);
        owner = user(Role.CONTRIBUTOR);
        other = user(Role.CONTRIBUTOR);
        template = fixtures.template(owner.id());
    }

    @Test
    void dueDatesAndMilestonesCountBothBoundsOfTheRange() {
        BriefId first = fixtures.brief(template, owner.id(), "First", BriefStatus.ACCEPTED, MAY_1);
        fixtures.brief(template, owner.id(), "Before", BriefStatus.ACCEPTED, MAY_1.minusDays(1));
        BriefId last = fixtures.brief(template, owner.id(), "Last", BriefStatus.SUBMITTED, MAY_31.plusDays(1));
        fixtures.milestone(last, "plan", 0, "Shoot", MAY_31).milestone(last, "plan", 1, "Edit", MAY_31.plusDays(1));
        var query = new CalendarQuery(owner.asActor(), MAY_1, MAY_31, false);

        assertThat(dueDates.entries(query)).extracting(CalendarEntry::key, CalendarEntry::title, CalendarEntry::date)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("brief-due-" + first, "First — due", MAY_1));
        assertThat(milestones.entries(query)).singleElement().satisfies(m -> {
            assertThat(m.title()).isEqualTo("Last: Shoot");
            assertThat(m.key()).isEqualTo("milestone-" + last + "-plan-0");
            assertThat(m.link()).isEqualTo("/briefs/" + last);
            assertThat(m.kind()).isEqualTo(CalendarEntry.Kind.MILESTONE);
        });
    }

    @Test
    void leavesOutRejectedBriefsAndOtherPeoplesDrafts() {
        BriefId rejected = fixtures.brief(template, owner.id(), "Rejected", BriefStatus.REJECTED, MAY_1);
        fixtures.milestone(rejected, "plan", 0, "Shoot", MAY_1);
        fixtures.brief(template, other.id(), "Their draft", BriefStatus.DRAFT, MAY_1);
        fixtures.brief(template, owner.id(), "My draft", BriefStatus.DRAFT, MAY_1);

        assertThat(dueDates.entries(new CalendarQuery(owner.asActor(), MAY_1, MAY_1, false))).extracting(CalendarEntry::title)
                .containsExactly("My draft — due");
        assertThat(milestones.entries(new CalendarQuery(owner.asActor(), MAY_1, MAY_1, false))).isEmpty();
    }

    @Test
    void mineMeansOwnerOrAssignee() {
        BriefId assigned = fixtures.brief(template, other.id(), "Assigned", BriefStatus.ACCEPTED, MAY_1);
        fixtures.assign(assigned, owner.id());
        fixtures.brief(template, other.id(), "Not mine", BriefStatus.ACCEPTED, MAY_1);
        fixtures.brief(template, owner.id(), "Owned", BriefStatus.ACCEPTED, MAY_1);

        assertThat(dueDates.entries(new CalendarQuery(owner.asActor(), MAY_1, MAY_1, true))).extracting(CalendarEntry::title)
                .containsExactlyInAnyOrder("Assigned — due", "Owned — due");
    }

    @Test
    void waitingOnAReviewerOrAManagerOrTheOwnerOfAReturnedBrief() {
        User reviewer = user(Role.REVIEWER);
        User manager = user(Role.MANAGER);
        UUID reviewed = fixtures.template(owner.id(), reviewer.id());
        BriefId forReviewer = fixtures.brief(reviewed, owner.id(), "For the reviewer", BriefStatus.SUBMITTED, null);
        BriefId forManagers = fixtures.brief(template, owner.id(), "For any manager", BriefStatus.SUBMITTED, MAY_1);
        BriefId returned = fixtures.brief(template, owner.id(), "Returned", BriefStatus.RETURNED, MAY_1);

        assertThat(work.waitingOn(reviewer.id(), false)).extracting(MyWork.Item::id).contains(forReviewer).doesNotContain(forManagers);
        assertThat(work.waitingOn(manager.id(), true)).extracting(MyWork.Item::id).contains(forManagers).doesNotContain(forReviewer);
        assertThat(work.waitingOn(owner.id(), false)).extracting(MyWork.Item::id, MyWork.Item::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(returned, MyWorkQueries.RETURNED));
    }

    @Test
    void assignedListsNotRejectedBriefsSoonestDueFirst() {
        BriefId later = fixtures.brief(template, other.id(), "Later", BriefStatus.ACCEPTED, MAY_31);
        BriefId undated = fixtures.brief(template, other.id(), "Undated", BriefStatus.SUBMITTED, null);
        BriefId sooner = fixtures.brief(template, other.id(), "Sooner", BriefStatus.ACCEPTED, MAY_1);
        BriefId rejected = fixtures.brief(template, other.id(), "Rejected", BriefStatus.REJECTED, MAY_1);
        for (BriefId b : new BriefId[] {later, undated, sooner, rejected}) {
            fixtures.assign(b, owner.id());
        }

        assertThat(work.assigned(owner.id())).extracting(MyWork.Item::id).containsExactly(sooner, later, undated);
    }

    @Test
    void aFeedTokenOpensOnlyItsUserUntilReplaced() {
        feeds.replace(owner.id(), "first-token", Instant.parse("2031-01-01T00:00:00Z"));
        assertThat(feeds.findUser("first-token")).contains(owner.id());

        feeds.replace(owner.id(), "second-token", Instant.parse("2031-01-02T00:00:00Z"));

        assertThat(feeds.findUser("first-token")).isEmpty();
        assertThat(feeds.findUser("second-token")).contains(owner.id());
        assertThat(jdbc.sql("SELECT token_hash FROM calendar_feeds WHERE user_id = ?").param(owner.id().value()).query(String.class).single())
                .isEqualTo(CalendarFeeds.hash("second-token")).doesNotContain("second");
        assertThat(feeds.delete(owner.id())).isTrue();
        assertThat(feeds.findUser("second-token")).isEmpty();
    }

    private User user(Role role) {
        UserId id = new UserId(UUID.randomUUID());
        User user = new User(id, "u" + id.value().toString().substring(0, 8), "U", role, true, Instant.parse("2026-01-01T00:00:00Z"));
        users.insert(user, "x");
        return user;
    }
}
