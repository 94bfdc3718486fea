package dev.atelier.proofing;

import dev.atelier.asset.AssetId;
import dev.atelier.identity.UserId;

/** A reviewer confirmed a carried item as addressed. */
public record CarriedItemConfirmed(CarriedItemId item, AnnotationId annotation, AssetId asset, int version,
        UserId by) implements ProofingEvent {

    @Override
    public String action() {
        return "proofing.carried-confirmed";
    }

    @Override
    public String details() {
        return "version=" + version + " item=" + item + " annotation=" + annotation;
    }
}
