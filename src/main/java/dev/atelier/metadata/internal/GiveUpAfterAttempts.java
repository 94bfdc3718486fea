package dev.atelier.metadata.internal;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import dev.atelier.asset.AssetId;
import java.time.Duration;

/**
 * For jobs whose data is {@code assetId/version}: retries one that failed for a passing reason a
 * few times, a minute (or the given step) more apart each time, then records why and stops (db-scheduler's default
 * would retry forever).
 */
final class GiveUpAfterAttempts implements FailureHandler<String> {

    /** Records that the version's job failed for good. */
    interface GiveUp {
        void giveUp(AssetId id, int version, String reason);
    }

    private final int maxAttempts;
    private final Duration step;
    private final GiveUp giveUp;

    GiveUpAfterAttempts(int maxAttempts, GiveUp giveUp) {
        this(maxAttempts, Duration.ofMinutes(1), giveUp);
    }

    /** Retries {@code step} later, then twice {@code step}, and so on. */
    GiveUpAfterAttempts(int maxAttempts, Duration step, GiveUp giveUp) {
        this.maxAttempts = maxAttempts;
        this.step = step;
        this.giveUp = giveUp;
    }

    @Override
    public void onFailure(ExecutionComplete complete, ExecutionOperations<String> operations) {
        int failures = complete.getExecution().consecutiveFailures + 1;
        var ref = VersionTasks.Ref.parse((String) complete.getExecution().taskInstance.getData());
        String reason = complete.getCause().map(Throwable::getMessage).orElse("unknown error");
        if (failures >= maxAttempts) {
            giveUp.giveUp(ref.asset(), ref.version(), "gave up after " + failures + " attempts: " + reason);
            operations.stop();
        } else {
            operations.reschedule(complete, complete.getTimeDone().plus(step.multipliedBy(failures)));
        }
    }
}
