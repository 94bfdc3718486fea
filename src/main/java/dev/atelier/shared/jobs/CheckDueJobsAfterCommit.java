package dev.atelier.shared.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerState;
import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.time.Clock;
import java.time.Instant;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Starts a job scheduled to run now as soon as it can be seen. db-scheduler's own immediate
 * execution looks for due jobs the moment one is scheduled; a job scheduled inside a transaction
 * (a new version and its rendition job commit together) is not visible to that look until the
 * commit, and when the look wins that race the job waited for the next poll ({@code
 * polling-interval}, a second by default) on an otherwise idle server. Here the look waits for the
 * commit, once per transaction however many jobs it scheduled; outside a transaction it happens
 * at once, as before. A rolled-back transaction's jobs are gone, and nothing is looked for.
 */
final class CheckDueJobsAfterCommit extends AbstractSchedulerListener {

    private final Scheduler scheduler;
    private final Clock clock;

    CheckDueJobsAfterCommit(Scheduler scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Override
    public void onExecutionScheduled(TaskInstanceId instance, Instant executionTime) {
        if (executionTime.isAfter(clock.instant())) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            check();
        } else if (!TransactionSynchronizationManager.hasResource(this)) {
            // the resource marks this transaction as having its look registered; unbound when it completes
            TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(CheckDueJobsAfterCommit.this);
                    if (status == STATUS_COMMITTED) {
                        check();
                    }
                }
            });
        }
    }

    private void check() {
        SchedulerState state = scheduler.getSchedulerState();
        if (state.isStarted() && !state.isShuttingDown()) {
            scheduler.triggerCheckForDueExecutions();
        }
    }
}
