package dev.atelier.proofing;

import dev.atelier.asset.AssetId;
import dev.atelier.identity.UserId;

/** A resolved annotation was opened again; {@code author} opened it first. */
public record AnnotationReopened(AnnotationId annotation, AssetId asset, int version, UserId by, UserId author) implements ProofingEvent {

    @Override
    public String action() {
        return "proofing.annotation-reopened";
    }

    @Override
    public String details() {
        return "version=" + version + " annotation=" + annotation;
    }
}
