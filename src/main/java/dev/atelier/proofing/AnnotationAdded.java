package dev.atelier.proofing;

import dev.atelier.asset.AssetId;
import dev.atelier.identity.UserId;
import java.util.List;

/** A reviewer annotated a version; {@code mentioned} are the users its text named with {@code @username}. */
public record AnnotationAdded(AnnotationId annotation, AssetId asset, int version, int number, UserId by,
        List<UserId> mentioned) implements ProofingEvent {

    public AnnotationAdded {
        mentioned = List.copyOf(mentioned);
    }

    @Override
    public String action() {
        return "proofing.annotation-added";
    }

    @Override
    public String details() {
        return "version=" + version + " annotation=" + annotation + " number=" + number;
    }
}
