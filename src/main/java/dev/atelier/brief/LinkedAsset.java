package dev.atelier.brief;

import dev.atelier.asset.AssetId;
import dev.atelier.identity.UserId;
import java.time.Instant;

/**
 * An asset linked to a brief.
 *
 * @param fieldKey the asset-links or attachments field it fills; empty for guidelines and drafts
 */
public record LinkedAsset(BriefId brief, AssetId asset, Role role, String fieldKey, UserId addedBy, Instant addedAt) {

    public enum Role {
        /** A guideline the template links to every brief made from it. */
        GUIDELINE,
        /** Research, existing assets and other references picked from the library. */
        REFERENCE,
        /** A file uploaded with the brief, kept in the library. */
        ATTACHMENT,
        /** Work made for the brief. */
        DRAFT
    }
}
