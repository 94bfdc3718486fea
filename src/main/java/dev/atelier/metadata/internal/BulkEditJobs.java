package dev.atelier.metadata.internal;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.atelier.metadata.BulkEditManagement;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import java.util.UUID;

/** The bulk edit job: runs {@link BulkEditManagement}'s loop; an error that escapes it fails the edit with the reason. */
@Configuration(proxyBeanMethods = false)
class BulkEditJobs {

    @Bean
    OneTimeTask<String> bulkEditTask(@Lazy BulkEditManagement bulkEdits) {
        return Tasks.oneTime(BulkEditManagement.TASK).execute((instance, context) -> bulkEdits.runJob(UUID.fromString(instance.getId())));
    }
}
