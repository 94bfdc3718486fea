package dev.atelier.metadata.internal;

import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import dev.atelier.asset.AssetId;
import java.time.Duration;

/**
 * For jobs whose data is {@code assetId/version}: retries a job that failed for a passing reason
 * (database, storage, workers) a few times, a minute more apart each time, then records why and stops.
 */
final class GiveUpAfterAttempts implements FailureHandler<String> {

    /** Records that the version's job failed for good. */
    interface GiveUp {
        void giveUp(AssetId id, int version, String reason);
    }

    private final int maxAttempts;
    private final GiveUp giveUp;

    GiveUpAfterAttempts(int maxAttempts, GiveUp giveUp) {
        this.maxAttempts = maxAttempts;
        this.giveUp = giveUp;
    }

    static String id(AssetId asset, int version) {
        return asset + "/" + version;
    }

    @Override
    public void onFailure(ExecutionComplete complete, ExecutionOperations<String> operations) {
        int failures = complete.getExecution().consecutiveFailures + 1;
        String[] parts = ((String) complete.getExecution().taskInstance.getData()).split("/");
        String reason = complete.getCause().map(Throwable::getMessage).orElse("unknown error");
        if (failures >= maxAttempts) {
            giveUp.giveUp(AssetId.parse(parts[0]), Integer.parseInt(parts[1]), "gave up after " + failures + " attempts: " + reason);
            operations.stop();
        } else {
            operations.reschedule(complete, complete.getTimeDone().plus(Duration.ofMinutes(failures)));
        }
    }
}
