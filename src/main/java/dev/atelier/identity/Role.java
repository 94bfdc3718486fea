package dev.atelier.identity;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a user may do. Roles are not a ladder: a reviewer may judge work but not upload it, a
 * contributor may upload but not judge. Managers do both and may act on anyone's assets;
 * admins also manage users and the system.
 */
public enum Role {
    VIEWER, REVIEWER, CONTRIBUTOR, MANAGER, ADMIN;

    /** The roles whose rights this role has, itself included. */
    public Set<Role> grants() {
        return switch (this) {
            case VIEWER -> EnumSet.of(VIEWER);
            case REVIEWER -> EnumSet.of(REVIEWER, VIEWER);
            case CONTRIBUTOR -> EnumSet.of(CONTRIBUTOR, VIEWER);
            case MANAGER -> EnumSet.of(MANAGER, CONTRIBUTOR, REVIEWER, VIEWER);
            case ADMIN -> EnumSet.allOf(Role.class);
        };
    }

    public boolean includes(Role other) {
        return grants().contains(other);
    }
}
