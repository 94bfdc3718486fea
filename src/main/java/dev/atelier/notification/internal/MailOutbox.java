package dev.atelier.notification.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import dev.atelier.notification.NotificationProperties;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Lazy;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mails go out through a durable job each: {@link #enqueue} inside the caller's transaction (the
 * job exists exactly when the transaction commits), {@link #deliver} later on a job thread, outside
 * any transaction. Mail is on when {@code atelier.notification.mail-enabled} says so, or, unset,
 * when {@code spring.mail.host} is set (Spring Boot then provides the sender).
 */
@Component
public class MailOutbox {

    static final TaskDescriptor<String> TASK = TaskDescriptor.of("notification-mail", String.class);

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

    private final @Nullable JavaMailSender sender;
    private final boolean enabled;
    private final NotificationProperties properties;
    private final SchedulerClient scheduler;
    private final JsonMapper json;
    private final Clock clock;

    MailOutbox(ObjectProvider<JavaMailSender> sender, NotificationProperties properties, @Lazy SchedulerClient scheduler, JsonMapper json,
            Clock clock) {
        this.sender = sender.getIfAvailable();
        this.enabled = properties.mailEnabled() != null ? properties.mailEnabled() : this.sender != null;
        if (enabled && this.sender == null) {
            throw new IllegalStateException("atelier.notification.mail-enabled=true needs an SMTP server: set spring.mail.host");
        }
        this.properties = properties;
        this.scheduler = scheduler;
        this.json = json;
        this.clock = clock;
    }

    public boolean enabled() {
        return enabled;
    }

    /** Schedules the mail under a unique key; a key already queued is not queued twice. Nothing happens while mail is off. */
    public void enqueue(String key, OutgoingMail mail) {
        if (enabled) {
            scheduler.scheduleIfNotExists(TASK.instance(key).data(json.writeValueAsString(mail)).scheduledTo(clock.instant()));
        }
    }

    /** Sends a queued mail; an exception fails the job, which is then retried. */
    void deliver(String data) throws MessagingException {
        OutgoingMail mail = json.readValue(data, OutgoingMail.class);
        if (sender == null) {
            log.warn("Mail is off; dropping the queued mail '{}' to {}", mail.subject(), mail.to());
            return;
        }
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.from());
        helper.setTo(mail.to());
        helper.setSubject(mail.subject());
        helper.setText(mail.text(), mail.html());
        sender.send(message);
    }
}
