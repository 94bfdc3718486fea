package dev.atelier.identity;

import java.util.List;
import java.util.UUID;

/** A named group of users (a legal team, brand reviewers); workflow stages name groups as reviewers. */
public record UserGroup(UUID id, String name, List<UserId> members) {

    public UserGroup {
        members = List.copyOf(members);
    }
}
