package dev.atelier.notification.internal;

import dev.atelier.notification.Notification;
import dev.atelier.notification.NotificationProperties;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** Writes the mails: a plain-text part and an HTML part (Thymeleaf, so every value is escaped), each linking straight to the item. */
@Component
public class MailComposer {

    private final ITemplateEngine templates;
    private final NotificationProperties properties;

    MailComposer(ITemplateEngine templates, NotificationProperties properties) {
        this.templates = templates;
        this.properties = properties;
    }

    public OutgoingMail notice(String to, Notification n) {
        String text = n.title() + "\n\n" + (n.body().isEmpty() ? "" : n.body() + "\n\n") + "Open: " + properties.absolute(n.link())
                + footer();
        return new OutgoingMail(to, subject(n.title()), text, html("notification/mail", Map.of("notification", n)));
    }

    public OutgoingMail digest(String to, List<Notification> notifications) {
        StringBuilder text = new StringBuilder("What is new for you in Atelier since the last digest:\n");
        for (Notification n : notifications) {
            text.append("\n* ").append(n.title()).append('\n');
            if (!n.body().isEmpty()) {
                text.append("  ").append(n.body().replace("\n", "\n  ")).append('\n');
            }
            text.append("  ").append(properties.absolute(n.link())).append('\n');
        }
        String title = notifications.size() == 1 ? "1 new notification" : notifications.size() + " new notifications";
        return new OutgoingMail(to, subject(title), text + footer(), html("notification/digest", Map.of("notifications", notifications)));
    }

    private String html(String template, Map<String, Object> variables) {
        Context context = new Context();
        context.setVariables(variables);
        context.setVariable("base", properties.absolute(""));
        return templates.process(template, context);
    }

    private String footer() {
        return "\n\n-- \nYou get this mail because of your notification settings: " + properties.absolute("/notifications") + "\n";
    }

    private static String subject(String title) {
        return "[Atelier] " + title.replaceAll("[\\r\\n]+", " ");
    }
}
