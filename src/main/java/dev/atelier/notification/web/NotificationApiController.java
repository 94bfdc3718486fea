package dev.atelier.notification.web;

import dev.atelier.identity.Actor;
import dev.atelier.identity.UserManagement;
import dev.atelier.notification.EmailDelivery;
import dev.atelier.notification.Notification;
import dev.atelier.notification.NotificationId;
import dev.atelier.notification.NotificationManagement;
import dev.atelier.shared.Cursor;
import dev.atelier.shared.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/notifications}: the caller's own notifications and how they want them mailed. */
@RestController
@Tag(name = "Notifications")
class NotificationApiController {

    private final NotificationManagement notifications;
    private final UserManagement users;

    NotificationApiController(NotificationManagement notifications, UserManagement users) {
        this.notifications = notifications;
        this.users = users;
    }

    record NotificationResource(String id, String kind, String title, String body, String link, @Nullable String actorId,
            Instant createdAt, @Nullable Instant readAt, boolean unread) {

        static NotificationResource of(Notification n) {
            return new NotificationResource(n.id().toString(), n.kind(), n.title(), n.body(), n.link(),
                    n.actor().map(Object::toString).orElse(null), n.createdAt(), n.readAt().orElse(null), n.unread());
        }
    }

    record NotificationPage(List<NotificationResource> items, int unread, @Nullable String next) {
    }

    record Marked(int marked) {
    }

    record PreferencesResource(String email, @Nullable String address, boolean mailEnabled) {
    }

    record PreferencesChange(@Nullable String email) {
    }

    @Operation(summary = "Your notifications, newest first",
            description = "'unread' counts all your unread ones. Pass a page's 'next' as 'cursor' for the following page.")
    @GetMapping("/api/v1/notifications")
    NotificationPage list(Actor actor, @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
        var page = notifications.list(actor, Cursor.decode(cursor), limit);
        return new NotificationPage(page.items().stream().map(NotificationResource::of).toList(), notifications.unreadCount(actor),
                page.next().orElse(null));
    }

    @Operation(summary = "Mark one notification read")
    @PostMapping("/api/v1/notifications/{id}/read")
    NotificationResource read(Actor actor, @PathVariable String id) {
        return NotificationResource.of(notifications.markRead(actor, NotificationId.parse(id)));
    }

    @Operation(summary = "Mark all your notifications read", description = "Answers how many were unread.")
    @PostMapping("/api/v1/notifications/read-all")
    Marked readAll(Actor actor) {
        return new Marked(notifications.markAllRead(actor));
    }

    @Operation(summary = "How you get notifications by e-mail",
            description = "email: immediate (one mail each), digest (one a day) or none; in-app always. address is your account's e-mail.")
    @GetMapping("/api/v1/notifications/preferences")
    PreferencesResource preferences(Actor actor) {
        return new PreferencesResource(notifications.emailDelivery(actor).key(), users.get(actor.id()).email().orElse(null),
                notifications.mailEnabled());
    }

    @Operation(summary = "Choose how you get notifications by e-mail", description = "{\"email\": \"immediate\" | \"digest\" | \"none\"}")
    @PutMapping("/api/v1/notifications/preferences")
    ResponseEntity<PreferencesResource> choose(Actor actor, @RequestBody PreferencesChange change) {
        if (change.email() == null) {
            throw new InvalidRequestException("Say how to deliver e-mail: {\"email\": \"immediate\", \"digest\" or \"none\"}.");
        }
        notifications.setEmailDelivery(actor, EmailDelivery.parse(change.email()));
        return ResponseEntity.ok(preferences(actor));
    }
}
