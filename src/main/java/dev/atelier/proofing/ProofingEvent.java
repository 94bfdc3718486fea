package dev.atelier.proofing;

import dev.atelier.asset.AssetId;
import dev.atelier.identity.UserId;

/**
 * Every change of the proofing module, published in the transaction that made it. Listen to the
 * specific records; {@link #action()} and {@link #details()} are what the audit trail records.
 */
public sealed interface ProofingEvent permits AnnotationAdded, AnnotationReplied, AnnotationResolved, AnnotationReopened,
        AnnotationsCarriedForward, CarriedItemAddressed, CarriedItemConfirmed, CarriedItemReopened {

    AssetId asset();

    /** The version reviewed (for carried items: the version they are checked on). */
    int version();

    UserId by();

    /** {@code proofing.annotation-added}, {@code proofing.annotation-resolved}, … */
    String action();

    String details();
}
