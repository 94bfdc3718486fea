package dev.atelier.proofing;

import dev.atelier.asset.AssetId;
import dev.atelier.identity.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A reviewer's mark on one asset version and the thread about it.
 *
 * @param number 1, 2, 3… within the version, as the pins are labelled
 * @param thread the comments, oldest first; the first is the annotation's text
 * @param resolved who resolved it and when, while it is resolved
 * @param reopened who last reopened it and when
 */
public record Annotation(AnnotationId id, AssetId asset, int version, int number, Mark mark, Status status, List<Comment> thread,
        Optional<Change> resolved, Optional<Change> reopened) {

    public enum Status { OPEN, RESOLVED }

    /** Who did something, and when. */
    public record Change(UserId by, Instant at) {}

    public Annotation {
        if (thread.isEmpty()) {
            throw new IllegalArgumentException("an annotation has at least its opening comment");
        }
        thread = List.copyOf(thread);
    }

    public Comment opening() {
        return thread.getFirst();
    }

    public UserId author() {
        return opening().author();
    }

    public boolean open() {
        return status == Status.OPEN;
    }

    /** @throws AnnotationStateException when it is already resolved */
    public Annotation resolve(UserId by, Instant at) {
        if (!open()) {
            throw new AnnotationStateException("Annotation #" + number + " is already resolved.");
        }
        return new Annotation(id, asset, version, number, mark, Status.RESOLVED, thread, Optional.of(new Change(by, at)), reopened);
    }

    /** @throws AnnotationStateException when it is open */
    public Annotation reopen(UserId by, Instant at) {
        if (open()) {
            throw new AnnotationStateException("Annotation #" + number + " is open already.");
        }
        return new Annotation(id, asset, version, number, mark, Status.OPEN, thread, Optional.empty(), Optional.of(new Change(by, at)));
    }
}
