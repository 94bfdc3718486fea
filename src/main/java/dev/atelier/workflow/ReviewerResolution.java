package dev.atelier.workflow;

import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetManagement;
import dev.atelier.identity.GroupManagement;
import dev.atelier.identity.Role;
import dev.atelier.identity.User;
import dev.atelier.identity.UserId;
import dev.atelier.identity.UserManagement;
import dev.atelier.metadata.FieldValidationException;
import dev.atelier.metadata.FieldValidationException.FieldError;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Turns a stage's usernames, group names and roles into the people who review when a workflow
 * starts: enabled users whose role lets them review (reviewers, managers, admins) and who can see
 * the asset. A gatekeeper always reviews too.
 */
@Component
class ReviewerResolution {

    private final UserManagement users;
    private final GroupManagement groups;
    private final AssetManagement assets;

    ReviewerResolution(UserManagement users, GroupManagement groups, AssetManagement assets) {
        this.assets = assets;
        this.users = users;
        this.groups = groups;
    }

    record Resolved(List<UserId> reviewers, Optional<UserId> gatekeeper) {}

    /** @throws FieldValidationException naming each stage that names unknown people or no one who may review */
    List<Resolved> resolve(WorkflowDefinition d, AssetId asset) {
        List<FieldError> errors = new ArrayList<>();
        List<Resolved> resolved = new ArrayList<>();
        for (StageDefinition s : d.stages()) {
            String at = "stages[" + s.key() + "].";
            Set<User> people = new LinkedHashSet<>();
            s.users().forEach(name -> users.findByUsername(name).ifPresentOrElse(people::add,
                    () -> errors.add(new FieldError(at + "users", "There is no user '" + name + "'."))));
            s.groups().forEach(name -> groups.findByName(name).ifPresentOrElse(g -> g.members().forEach(m -> users.find(m).ifPresent(people::add)),
                    () -> errors.add(new FieldError(at + "groups", "There is no group '" + name + "'."))));
            s.roles().forEach(name -> role(name).ifPresentOrElse(role -> users.all().stream().filter(u -> u.role() == role).forEach(people::add),
                    () -> errors.add(new FieldError(at + "roles", "'" + name + "' is not a role: reviewer, manager or admin."))));
            Optional<User> gatekeeper = s.gatekeeper().flatMap(name -> {
                Optional<User> g = users.findByUsername(name);
                if (g.isEmpty()) {
                    errors.add(new FieldError(at + "gatekeeper", "There is no user '" + name + "'."));
                }
                return g;
            });
            gatekeeper.ifPresent(people::add);
            List<UserId> reviewers = people.stream().filter(u -> u.enabled() && u.role().includes(Role.REVIEWER)
                    && assets.findVisible(u.asActor(), asset).isPresent())
                    .map(User::id).toList();
            if (reviewers.isEmpty()) {
                errors.add(new FieldError(at + "reviewers", "Stage '" + s.name() + "' has no one who may review it (enabled reviewers, managers "
                        + "or admins who can see the asset)."));
            }
            resolved.add(new Resolved(reviewers, gatekeeper.map(User::id)));
        }
        if (!errors.isEmpty()) {
            throw new FieldValidationException(errors);
        }
        return resolved;
    }


    private static Optional<Role> role(String name) {
        try {
            return Optional.of(Role.valueOf(name.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
