package dev.atelier.proofing;

import dev.atelier.asset.AssetId;
import dev.atelier.identity.UserId;

/** The creator says a carried item is dealt with in the new version; a reviewer is to confirm it. */
public record CarriedItemAddressed(CarriedItemId item, AnnotationId annotation, AssetId asset, int version,
        UserId by) implements ProofingEvent {

    @Override
    public String action() {
        return "proofing.carried-addressed";
    }

    @Override
    public String details() {
        return "version=" + version + " item=" + item + " annotation=" + annotation;
    }
}
