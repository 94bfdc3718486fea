package dev.atelier.proofing;

import dev.atelier.asset.AssetId;
import dev.atelier.proofing.Annotation.Change;
import java.time.Instant;
import java.util.Optional;

/**
 * An annotation still open when a new version arrived, as a checklist item on that version:
 * the creator marks it addressed, a reviewer confirms it or reopens it with a reply on the
 * original thread.
 *
 * @param version the version it is to be checked on
 * @param annotation the thread it came from, on {@code fromVersion}
 * @param label "carried from v1: " and the first line of that thread
 */
public record CarriedItem(CarriedItemId id, AssetId asset, int version, AnnotationId annotation, int fromVersion, String label, State state,
        Instant carriedAt, Optional<Change> addressed, Optional<Change> confirmed) {

    public enum State { OPEN, ADDRESSED, CONFIRMED }

    public static String label(int fromVersion, Comment opening) {
        return "carried from v" + fromVersion + ": " + opening.firstLine(200);
    }

    /** @throws AnnotationStateException unless it is open */
    public CarriedItem markAddressed(Change change) {
        if (state != State.OPEN) {
            throw new AnnotationStateException("This item is " + state.name().toLowerCase() + " already.");
        }
        return new CarriedItem(id, asset, version, annotation, fromVersion, label, State.ADDRESSED, carriedAt, Optional.of(change), Optional.empty());
    }

    /** @throws AnnotationStateException unless it was marked addressed */
    public CarriedItem confirm(Change change) {
        if (state != State.ADDRESSED) {
            throw new AnnotationStateException("Only an item marked addressed can be confirmed; this one is " + state.name().toLowerCase() + ".");
        }
        return new CarriedItem(id, asset, version, annotation, fromVersion, label, State.CONFIRMED, carriedAt, addressed, Optional.of(change));
    }

    /** @throws AnnotationStateException when it is open */
    public CarriedItem reopen() {
        if (state == State.OPEN) {
            throw new AnnotationStateException("This item is open already.");
        }
        return new CarriedItem(id, asset, version, annotation, fromVersion, label, State.OPEN, carriedAt, Optional.empty(), Optional.empty());
    }
}
