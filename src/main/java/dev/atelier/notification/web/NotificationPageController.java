package dev.atelier.notification.web;

import dev.atelier.identity.Actor;
import dev.atelier.identity.UserManagement;
import dev.atelier.notification.EmailDelivery;
import dev.atelier.notification.NotificationId;
import dev.atelier.notification.NotificationManagement;
import dev.atelier.shared.Cursor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

/** The Notifications page, the bell in the top bar, and following a notification to what it is about. */
@Controller
class NotificationPageController {

    private static final int PAGE_SIZE = 30;

    private final NotificationManagement notifications;
    private final UserManagement users;

    NotificationPageController(NotificationManagement notifications, UserManagement users) {
        this.notifications = notifications;
        this.users = users;
    }

    @GetMapping("/notifications")
    String page(Actor actor, @RequestParam(required = false) String cursor, Model model) {
        model.addAttribute("page", notifications.list(actor, Cursor.decode(cursor), PAGE_SIZE));
        model.addAttribute("unread", notifications.unreadCount(actor));
        model.addAttribute("delivery", notifications.emailDelivery(actor).key());
        model.addAttribute("deliveries", EmailDelivery.values());
        model.addAttribute("address", users.get(actor.id()).email().orElse(""));
        model.addAttribute("mailEnabled", notifications.mailEnabled());
        return "notification/notifications";
    }

    /** The bell's count, fetched by htmx when a page loads and every minute. */
    @GetMapping("/notifications/bell")
    String bell(Actor actor, Model model) {
        model.addAttribute("unread", notifications.unreadCount(actor));
        return "notification/bell :: bell";
    }

    /** Marks it read and goes where it points: the link was checked to be a path inside Atelier when it was stored. */
    @GetMapping("/notifications/{id}/open")
    RedirectView open(Actor actor, @PathVariable String id) {
        RedirectView redirect = new RedirectView(notifications.markRead(actor, NotificationId.parse(id)).link(), true);
        redirect.setExpandUriTemplateVariables(false);
        redirect.setHttp10Compatible(false);
        return redirect;
    }

    @PostMapping("/notifications/read-all")
    String readAll(Actor actor) {
        notifications.markAllRead(actor);
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/preferences")
    String choose(Actor actor, @RequestParam String email) {
        notifications.setEmailDelivery(actor, EmailDelivery.parse(email));
        return "redirect:/notifications?saved";
    }
}
