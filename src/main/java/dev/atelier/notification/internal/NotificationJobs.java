package dev.atelier.notification.internal;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import dev.atelier.notification.NotificationProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** The two jobs of the module: one per mail (retried while the SMTP server fails), and the daily digest. */
@Configuration(proxyBeanMethods = false)
class NotificationJobs {

    private static final Logger log = LoggerFactory.getLogger(NotificationJobs.class);
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);

    @Bean
    OneTimeTask<String> notificationMailTask(MailOutbox outbox, NotificationProperties properties) {
        return mailTask(outbox, properties);
    }

    /** Runs at {@code digest-time} in the server's zone; a run missed while no server was up happens at the next start. */
    @Bean
    RecurringTask<Void> notificationDigestTask(@Lazy Digests digests, NotificationProperties properties, Clock clock) {
        return Tasks.recurring("notification-digest", Schedules.daily(ZoneId.systemDefault(), properties.digestTime()))
                .execute((instance, context) -> digests.send(clock.instant()));
    }

    static OneTimeTask<String> mailTask(MailOutbox outbox, NotificationProperties properties) {
        return Tasks.oneTime(MailOutbox.TASK).onFailure(new RetryLater(properties))
                .execute((instance, context) -> {
                    try {
                        outbox.deliver(instance.getData());
                    } catch (Exception e) {
                        throw new IllegalStateException("SMTP: " + e.getMessage(), e);
                    }
                });
    }

    /** Waits {@code retry-delay}, then twice that, and so on up to an hour; after {@code max-attempts} logs the mail as lost. */
    static final class RetryLater implements FailureHandler<String> {

        private final NotificationProperties properties;

        RetryLater(NotificationProperties properties) {
            this.properties = properties;
        }

        @Override
        public void onFailure(ExecutionComplete complete, ExecutionOperations<String> operations) {
            int failures = complete.getExecution().consecutiveFailures + 1;
            String reason = complete.getCause().map(Throwable::getMessage).orElse("unknown error");
            String mail = complete.getExecution().taskInstance.getId();
            if (failures >= properties.maxAttempts()) {
                log.error("Gave up mail {} after {} attempts: {}", mail, failures, reason);
                operations.stop();
                return;
            }
            Duration wait = properties.retryDelay().multipliedBy(1L << Math.min(failures - 1, 20));
            wait = wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
            log.warn("Mail {} failed (attempt {} of {}), trying again in {}: {}", mail, failures, properties.maxAttempts(), wait, reason);
            operations.reschedule(complete, complete.getTimeDone().plus(wait));
        }
    }
}
