package dev.atelier.proofing;

import dev.atelier.asset.Asset;
import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import org.springframework.security.access.AccessDeniedException;

/** Who may do what in a review: reviewers (managers and admins included) and the asset's owner write; viewers read. */
final class ReviewRights {

    private ReviewRights() {
    }

    static boolean mayAnnotate(Actor actor, Asset asset) {
        return actor.has(Role.REVIEWER) || actor.id().equals(asset.ownerId());
    }

    static void requireAnnotate(Actor actor, Asset asset) {
        if (!mayAnnotate(actor, asset)) {
            throw new AccessDeniedException("only reviewers and the asset's owner may annotate and comment");
        }
    }

    /** The creator's side of a carried item: the asset's owner, whoever uploaded the version, or a manager. */
    static boolean mayAddress(Actor actor, Asset asset, int version) {
        return actor.id().equals(asset.ownerId()) || actor.has(Role.MANAGER)
                || asset.version(version).map(v -> v.uploadedBy().equals(actor.id())).orElse(false);
    }

    static void requireAddress(Actor actor, Asset asset, int version) {
        if (!mayAddress(actor, asset, version)) {
            throw new AccessDeniedException("only the asset's owner, the version's uploader or a manager may mark an item addressed");
        }
    }

    static void requireConfirm(Actor actor) {
        if (!actor.has(Role.REVIEWER)) {
            throw new AccessDeniedException("only reviewers may confirm or reopen a checklist item");
        }
    }
}
