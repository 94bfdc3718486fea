package dev.atelier.identity;

import org.springframework.security.access.AccessDeniedException;

/** The authenticated user on whose behalf a use case runs. */
public record Actor(UserId id, String username, Role role) {

    public boolean has(Role needed) {
        return role.includes(needed);
    }

    /** @throws AccessDeniedException when the actor's role does not include {@code needed} */
    public void require(Role needed) {
        if (!has(needed)) {
            throw new AccessDeniedException("your role (" + role.name().toLowerCase() + ") does not allow this; it needs "
                    + needed.name().toLowerCase());
        }
    }

    /** Owners may act on their own things; managers and admins on anyone's. */
    public void requireOwnerOrManager(UserId owner, String what) {
        if (!id.equals(owner) && !has(Role.MANAGER)) {
            throw new AccessDeniedException("only the owner or a manager may " + what);
        }
    }
}
