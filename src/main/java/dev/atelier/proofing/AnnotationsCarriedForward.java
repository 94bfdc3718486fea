package dev.atelier.proofing;

import dev.atelier.asset.AssetId;
import dev.atelier.identity.UserId;
import java.util.List;

/** The open annotations of {@code fromVersion} became checklist items on the new {@code version}, uploaded by {@code by}. */
public record AnnotationsCarriedForward(AssetId asset, int fromVersion, int version, List<CarriedItemId> items,
        UserId by) implements ProofingEvent {

    public AnnotationsCarriedForward {
        items = List.copyOf(items);
    }

    @Override
    public String action() {
        return "proofing.annotations-carried";
    }

    @Override
    public String details() {
        return "version=" + version + " from=" + fromVersion + " items=" + items.size();
    }
}
