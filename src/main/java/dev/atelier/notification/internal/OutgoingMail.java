package dev.atelier.notification.internal;

/** One mail as it will be sent: kept as JSON in its job, so a restart or an SMTP outage loses nothing. */
public record OutgoingMail(String to, String subject, String text, String html) {
}
