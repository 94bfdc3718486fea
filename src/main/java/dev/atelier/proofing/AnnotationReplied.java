package dev.atelier.proofing;

import dev.atelier.asset.AssetId;
import dev.atelier.identity.UserId;
import java.util.List;
import java.util.UUID;

/** Someone replied on an annotation's thread; {@code participants} are the others who wrote in it before. */
public record AnnotationReplied(AnnotationId annotation, UUID comment, AssetId asset, int version, UserId by,
        List<UserId> mentioned, List<UserId> participants) implements ProofingEvent {

    public AnnotationReplied {
        mentioned = List.copyOf(mentioned);
        participants = List.copyOf(participants);
    }

    @Override
    public String action() {
        return "proofing.annotation-replied";
    }

    @Override
    public String details() {
        return "version=" + version + " annotation=" + annotation + " comment=" + comment;
    }
}
