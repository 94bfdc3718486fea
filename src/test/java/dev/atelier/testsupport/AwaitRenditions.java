package dev.atelier.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/** Polls an asset's rendition list until a condition on the statuses holds. */
public final class AwaitRenditions {

    private AwaitRenditions() {
    }

    /** Until none is pending, for up to a minute. */
    public static JsonNode settled(Api api, String id) {
        return until(api, id, statuses -> !statuses.contains("pending"), new ArrayList<>());
    }

    /**
     * Until every job of the upload that uses the media workers is over: renditions, pixel analysis
     * and text (OCR renders in a worker too), so a test counting worker jobs counts only its own.
     */
    public static void workersIdleFor(Api api, String id) {
        settled(api, id);
        for (String kind : List.of("analysis", "text")) {
            Poll.until(() -> api.get("/api/v1/assets/" + id + "/" + kind).json(), j -> !j.get("status").asString().equals("pending"),
                    Duration.ofSeconds(60));
        }
    }

    /** Until {@code done} holds for the statuses; every reason seen on the way is added to {@code reasonsSeen}. */
    public static JsonNode until(Api api, String id, Predicate<List<String>> done, List<String> reasonsSeen) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonNode list = api.get("/api/v1/assets/" + id + "/renditions").json();
            list.findValuesAsString("reason").forEach(reasonsSeen::add);
            if (done.test(list.findValuesAsString("status"))) {
                return list;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("renditions not settled after 60 s: " + list);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
