package dev.atelier.proofing;

import dev.atelier.asset.AssetId;
import dev.atelier.identity.UserId;

/** An annotation was resolved; {@code author} opened it. */
public record AnnotationResolved(AnnotationId annotation, AssetId asset, int version, UserId by, UserId author) implements ProofingEvent {

    @Override
    public String action() {
        return "proofing.annotation-resolved";
    }

    @Override
    public String details() {
        return "version=" + version + " annotation=" + annotation;
    }
}
