package dev.atelier.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.identity.Role;
import dev.atelier.identity.User;
import dev.atelier.identity.UserId;
import dev.atelier.testsupport.Api;
import dev.atelier.testsupport.IntegrationTest;
import dev.atelier.testsupport.UniqueWords;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/notifications} and {@code /api/v1/users/{id}/email} over real HTTP. */
class NotificationApiTests extends IntegrationTest {

    @Autowired
    NotificationManagement notifications;

    @Test
    void countsUnreadAndMarksOneOrAllRead() {
        String name = UniqueWords.next();
        Api api = as(name, Role.VIEWER);
        UserId me = users.findByUsername(name).orElseThrow().id();
        Notification first = notifications.notify(notice(me, "First"));
        notifications.notify(notice(me, "Second"));
        notifications.notify(notice(me, "Third"));

        JsonNode list = api.get("/api/v1/notifications").json();
        assertThat(list.get("unread").asInt()).isEqualTo(3);
        assertThat(list.get("items")).extracting(n -> n.get("title").asString()).containsExactly("Third", "Second", "First");

        var read = api.post("/api/v1/notifications/" + first.id() + "/read");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("unread").asBoolean()).isFalse();
        assertThat(api.get("/api/v1/notifications").json().get("unread").asInt()).isEqualTo(2);

        assertThat(api.post("/api/v1/notifications/read-all").json().get("marked").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/notifications").json().get("unread").asInt()).isZero();
    }

    @Test
    void pagesNewestFirstWithACursor() {
        String name = UniqueWords.next();
        Api api = as(name, Role.VIEWER);
        UserId me = users.findByUsername(name).orElseThrow().id();
        for (String title : new String[] {"a", "b", "c"}) {
            notifications.notify(notice(me, title));
        }

        JsonNode first = api.get("/api/v1/notifications?limit=2").json();
        assertThat(first.get("items")).extracting(n -> n.get("title").asString()).containsExactly("c", "b");
        JsonNode second = api.get("/api/v1/notifications?limit=2&cursor=" + first.get("next").asString()).json();
        assertThat(second.get("items")).extracting(n -> n.get("title").asString()).containsExactly("a");
        assertThat(second.has("next")).isFalse();
    }

    @Test
    void keepsEveryonesNotificationsToThemselves() {
        String owner = UniqueWords.next();
        as(owner, Role.VIEWER);
        Notification theirs = notifications.notify(notice(users.findByUsername(owner).orElseThrow().id(), "Private"));
        Api other = as(UniqueWords.next(), Role.MANAGER);

        var response = other.post("/api/v1/notifications/" + theirs.id() + "/read");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(other.get("/api/v1/notifications").json().get("items")).isEmpty();
    }

    @Test
    void choosesHowMailIsDeliveredAndRefusesAnUnknownWay() {
        User me = withEmail(UniqueWords.next(), Role.CONTRIBUTOR);
        Api api = Api.basic(port, me.username(), PASSWORD);

        JsonNode initial = api.get("/api/v1/notifications/preferences").json();
        assertThat(initial.get("email").asString()).isEqualTo("immediate");
        assertThat(initial.get("address").asString()).isEqualTo(me.email().orElseThrow());
        assertThat(initial.get("mailEnabled").asBoolean()).isTrue();

        assertThat(api.json("PUT", "/api/v1/notifications/preferences", "{\"email\":\"Digest\"}").json().get("email").asString())
                .isEqualTo("digest");
        var wrong = api.json("PUT", "/api/v1/notifications/preferences", "{\"email\":\"hourly\"}");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("type").asString()).isEqualTo("/problems/invalid-request");
        assertThat(api.get("/api/v1/notifications/preferences").json().get("email").asString()).isEqualTo("digest");
    }

    @Test
    void setsAnEmailAddressForOneselfOnlyAndKeepsItUnique() {
        String name = UniqueWords.next();
        Api api = as(name, Role.VIEWER);
        String id = users.findByUsername(name).orElseThrow().id().toString();
        String other = withEmail(UniqueWords.next(), Role.VIEWER).id().toString();

        var set = api.json("PUT", "/api/v1/users/" + id + "/email", "{\"email\":\" " + name.toUpperCase() + "@Example.TEST \"}");
        assertThat(set.json().get("email").asString()).isEqualTo(name + "@example.test");
        assertThat(api.json("PUT", "/api/v1/users/" + id + "/email", "{\"email\":\"not an address\"}").status()).isEqualTo(400);
        assertThat(api.json("PUT", "/api/v1/users/" + other + "/email", "{\"email\":\"x@example.test\"}").status()).isEqualTo(403);
        var taken = admin().json("PUT", "/api/v1/users/" + other + "/email", "{\"email\":\"" + name + "@example.test\"}");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(api.json("PUT", "/api/v1/users/" + id + "/email", "{\"email\":null}").json().has("email")).isFalse();
    }

    private static Notice notice(UserId to, String title) {
        return new Notice(to, "test.notice", title, "", "/library", Optional.empty());
    }
}
