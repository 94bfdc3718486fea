package dev.atelier.proofing;

import dev.atelier.asset.AssetId;
import dev.atelier.identity.UserId;
import java.util.List;
import java.util.UUID;

/** A reviewer found a carried item not addressed and said why in {@code reply} on the original thread. */
public record CarriedItemReopened(CarriedItemId item, AnnotationId annotation, AssetId asset, int version, UserId by, UUID reply,
        List<UserId> mentioned) implements ProofingEvent {

    public CarriedItemReopened {
        mentioned = List.copyOf(mentioned);
    }

    @Override
    public String action() {
        return "proofing.carried-reopened";
    }

    @Override
    public String details() {
        return "version=" + version + " item=" + item + " annotation=" + annotation;
    }
}
