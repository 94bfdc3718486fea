package dev.atelier.identity;

import dev.atelier.identity.internal.Groups;
import dev.atelier.shared.ConflictException;
import dev.atelier.shared.Ids;
import dev.atelier.shared.InvalidRequestException;
import dev.atelier.shared.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Groups of users. Admins make them and set their members; anyone signed in may see them (to pick reviewers). */
@Service
public class GroupManagement {

    private final Groups groups;
    private final UserManagement users;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    GroupManagement(Groups groups, UserManagement users, Clock clock, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.groups = groups;
        this.users = users;
        this.clock = clock;
    }

    @Transactional
    public UserGroup create(Actor actor, String name, List<UserId> members) {
        actor.require(Role.ADMIN);
        String clean = freeName(name, Optional.empty());
        UUID id = Ids.uuidV7(clock);
        groups.insert(id, clean, clock.instant());
        groups.replaceMembers(id, checked(members));
        events.publishEvent(new GroupChanged(id, actor.id(), "group.created", "name=" + clean + " members=" + members.size()));
        return get(actor, id);
    }

    /** Renames the group and replaces its members. */
    @Transactional
    public UserGroup change(Actor actor, UUID id, String name, List<UserId> members) {
        actor.require(Role.ADMIN);
        get(actor, id);
        String clean = freeName(name, Optional.of(id));
        groups.rename(id, clean);
        List<UserId> chosen = checked(members);
        groups.replaceMembers(id, chosen);
        events.publishEvent(new GroupChanged(id, actor.id(), "group.changed", "name=" + clean + " members="
                + String.join(",", chosen.stream().map(UserId::toString).toList())));
        return get(actor, id);
    }

    @Transactional
    public void delete(Actor actor, UUID id) {
        actor.require(Role.ADMIN);
        UserGroup g = get(actor, id);
        groups.delete(id);
        events.publishEvent(new GroupChanged(id, actor.id(), "group.deleted", "name=" + g.name()));
    }

    @Transactional(readOnly = true)
    public UserGroup get(Actor actor, UUID id) {
        actor.require(Role.VIEWER);
        return groups.find(id).orElseThrow(() -> new NotFoundException("group " + id));
    }

    @Transactional(readOnly = true)
    public Optional<UserGroup> findByName(String name) {
        return groups.findByName(name.strip());
    }

    @Transactional(readOnly = true)
    public List<UserGroup> all(Actor actor) {
        actor.require(Role.VIEWER);
        return groups.all();
    }

    private String freeName(String name, Optional<UUID> self) {
        String clean = name.strip();
        if (clean.isEmpty() || clean.length() > 200) {
            throw new InvalidRequestException("A group needs a name of 1 to 200 characters.");
        }
        groups.findByName(clean).filter(g -> self.map(s -> !s.equals(g.id())).orElse(true)).ifPresent(g -> {
            throw new ConflictException("There is already a group named '" + g.name() + "'.");
        });
        return clean;
    }

    private List<UserId> checked(List<UserId> members) {
        members.forEach(m -> users.find(m).orElseThrow(() -> new InvalidRequestException("There is no user " + m + ".")));
        return members.stream().distinct().toList();
    }
}
