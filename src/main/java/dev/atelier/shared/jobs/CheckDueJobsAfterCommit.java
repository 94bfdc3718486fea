package dev.atelier.shared.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerState;
import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.time.Instant;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Starts a job scheduled to run now as soon as it can be seen. db-scheduler's own immediate
 * execution looks for due jobs the moment one is scheduled; a job scheduled inside a transaction
 * (a new version and its rendition job commit together) is not visible to that look until the
 * commit, and when the look wins that race the job waited for the next poll ({@code
 * polling-interval}, a second by default) on an otherwise idle server. Here the look waits for the
 * end of the transaction, once however many jobs it scheduled (Spring keeps a synchronization
 * registered twice once, and sets it aside with a suspended transaction); outside a transaction it
 * happens at once, as before. After a rollback it finds nothing, which costs one query.
 */
final class CheckDueJobsAfterCommit extends AbstractSchedulerListener {

    private final Scheduler scheduler;
    private final TransactionSynchronization checkWhenDone = new TransactionSynchronization() {
        @Override
        public void afterCompletion(int status) {
            check();
        }
    };

    CheckDueJobsAfterCommit(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void onExecutionScheduled(TaskInstanceId instance, Instant executionTime) {
        // due by the scheduler's own clock, the system's
        if (executionTime.isAfter(Instant.now())) {
            return;
        }
        if (TransactionSynchronizationManager.isActualTransactionActive() && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(checkWhenDone);
        } else {
            check();
        }
    }

    private void check() {
        SchedulerState state = scheduler.getSchedulerState();
        if (state.isStarted() && !state.isShuttingDown()) {
            scheduler.triggerCheckForDueExecutions();
        }
    }
}
