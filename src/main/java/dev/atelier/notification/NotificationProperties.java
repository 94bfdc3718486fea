package dev.atelier.notification;

import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param mailEnabled whether notifications are mailed; unset, they are exactly when {@code spring.mail.host} is set
 * @param from the sender of every mail
 * @param baseUrl how people reach this server; mails link to {@code base-url + link}
 * @param digestTime when the daily digest goes out, in the server's time zone
 * @param retryDelay a mail the SMTP server refused or could not take is tried again after this, then twice
 *     as long, and so on (at most an hour apart)
 * @param maxAttempts tries of one mail before it is given up (logged as an error; the in-app notice stays)
 */
@ConfigurationProperties("atelier.notification")
public record NotificationProperties(@Nullable Boolean mailEnabled, @DefaultValue("atelier@localhost") String from,
        @DefaultValue("http://localhost:8080") URI baseUrl, @DefaultValue("08:00") LocalTime digestTime,
        @DefaultValue("1m") Duration retryDelay, @DefaultValue("10") int maxAttempts) {

    /** The absolute URL of a path inside Atelier. */
    public String absolute(String path) {
        String base = baseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
