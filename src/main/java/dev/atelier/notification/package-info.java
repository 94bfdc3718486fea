/**
 * Telling people what needs them: in-app notifications (the bell, the Notifications page and
 * {@code /api/v1/notifications}) and e-mail over SMTP, sent immediately or as a daily digest as each
 * user prefers. Other modules call {@link dev.atelier.notification.NotificationManagement#notify}
 * inside their own transaction; the notice is stored with their change, and its mail is a durable
 * job that exists only once that change commits.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "identity"})
package dev.atelier.notification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
