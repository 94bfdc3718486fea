package dev.atelier.metadata;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A bulk edit of custom fields and how far it got.
 *
 * @param total assets selected (known once the selection is resolved)
 * @param changed assets whose values changed; the others already held them or failed
 * @param failures the first failures (asset and why), for the report
 */
public record BulkEdit(UUID id, UUID startedBy, Status status, List<FieldChange> changes, int total, int done, int changed, int failed,
        Optional<String> reason, Instant createdAt, Optional<Instant> finishedAt, List<Failure> failures) {

    public enum Status { QUEUED, RUNNING, DONE, FAILED }

    public record Failure(String assetId, String message) {}

    public int percent() {
        return total == 0 ? (status == Status.DONE ? 100 : 0) : (int) (100L * done / total);
    }
}
