package dev.atelier.metadata.internal;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.atelier.asset.AssetId;

/**
 * Durable jobs about one version of an asset (metadata, text, pixel analysis, tagger): their data
 * is {@code assetId/version}, optionally followed by more {@code /…} of the job's own, and the
 * data doubles as the task instance id so a version has at most one job of each kind.
 */
final class VersionTasks {

    private static final int MAX_ATTEMPTS = 4;

    /** The version a job is about. */
    record Ref(AssetId asset, int version) {

        static Ref parse(String data) {
            String[] parts = data.split("/");
            return new Ref(AssetId.parse(parts[0]), Integer.parseInt(parts[1]));
        }
    }

    interface Work {
        void run(AssetId asset, int version);
    }

    private VersionTasks() {
    }

    static String id(AssetId asset, int version) {
        return asset + "/" + version;
    }

    /**
     * A one-time job per version, retried a few times a minute more apart each time, then given up with the reason.
     *
     * @param priority which due jobs run first ({@link com.github.kagkarlsson.scheduler.task.Priority}): what people wait
     *     for before what enriches a version later
     */
    static OneTimeTask<String> oneTime(String name, int priority, Work work, GiveUpAfterAttempts.GiveUp giveUp) {
        return Tasks.oneTime(name, String.class).defaultPriority(priority).onFailure(new GiveUpAfterAttempts(MAX_ATTEMPTS, giveUp))
                .execute((instance, context) -> {
                    Ref ref = Ref.parse(instance.getData());
                    work.run(ref.asset(), ref.version());
                });
    }
}
