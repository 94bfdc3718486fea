package dev.atelier.workflow.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.atelier.workflow.WorkflowDeadlines;
import dev.atelier.workflow.WorkflowProperties;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The recurring deadline check (one at a time across instances: db-scheduler runs a recurring task once). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkflowProperties.class)
class WorkflowJobs {

    @Bean
    RecurringTask<Void> workflowDeadlinesTask(WorkflowDeadlines deadlines, WorkflowProperties properties, Clock clock) {
        return Tasks.recurring("workflow-deadlines", FixedDelay.of(properties.deadlineCheck()))
                .execute((instance, context) -> deadlines.check(clock.instant()));
    }
}
