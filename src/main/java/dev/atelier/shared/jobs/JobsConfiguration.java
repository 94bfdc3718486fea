package dev.atelier.shared.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Durable background jobs: one db-scheduler over the application's database, running every
 * {@link Task} bean the modules declare. Jobs live in {@code scheduled_tasks}, so a restart
 * loses none; a job scheduled inside a transaction exists exactly when that transaction commits
 * (the scheduler's connections join Spring's transactions). Executions whose server died are
 * picked up again after {@code missed-heartbeats} heartbeats.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JobsProperties.class)
class JobsConfiguration {

    @Bean(destroyMethod = "stop")
    Scheduler scheduler(DataSource dataSource, List<Task<?>> tasks, JobsProperties properties) {
        // recurring tasks (e.g. deadline checks) are scheduled by the scheduler itself when it starts
        List<RecurringTask<?>> recurring = tasks.stream().filter(RecurringTask.class::isInstance).<RecurringTask<?>>map(t -> (RecurringTask<?>) t)
                .toList();
        List<Task<?>> oneTime = tasks.stream().filter(t -> !(t instanceof RecurringTask<?>)).toList();
        Scheduler scheduler = Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), oneTime)
                .startTasks(recurring)
                .threads(properties.threads())
                .pollingInterval(properties.pollingInterval())
                .heartbeatInterval(properties.heartbeatInterval())
                .missedHeartbeatsLimit(4)
                // due jobs run by priority (then by time): previews before enrichment
                .enablePriority()
                .shutdownMaxWait(Duration.ofSeconds(5))
                .build();
        // a job due now starts once it is visible: after the commit of the transaction that scheduled it
        scheduler.registerSchedulerListener(new CheckDueJobsAfterCommit(scheduler));
        return scheduler;
    }

    /** Only once Flyway has made the table and the whole application is up. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> startScheduler(Scheduler scheduler, JobsProperties properties) {
        return ready -> {
            if (properties.enabled()) {
                scheduler.start();
            }
        };
    }
}
