package dev.atelier.identity.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import dev.atelier.identity.User;
import dev.atelier.identity.UserId;
import dev.atelier.identity.UserManagement;
import dev.atelier.shared.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/users}: admins manage accounts; anyone may read who they are. */
@RestController
@Tag(name = "Users")
class UserApiController {

    private final UserManagement users;

    UserApiController(UserManagement users) {
        this.users = users;
    }

    record NewUser(@Nullable String username, @Nullable String displayName, @Nullable String password, @Nullable String role) {
    }

    record UserResource(String id, String username, String displayName, String role, boolean enabled, Instant createdAt,
            @Nullable String email) {

        static UserResource of(User u) {
            return new UserResource(u.id().toString(), u.username(), u.displayName(), u.role().name().toLowerCase(Locale.ROOT),
                    u.enabled(), u.createdAt(), u.email().orElse(null));
        }
    }

    record EmailChange(@Nullable String email) {
    }

    @Operation(summary = "Create a user (admin)", description = "role: admin, manager, contributor, reviewer or viewer")
    @PostMapping("/api/v1/users")
    ResponseEntity<UserResource> create(Actor actor, @RequestBody NewUser request) {
        if (request.username() == null || request.password() == null || request.role() == null) {
            throw new InvalidRequestException("A user needs a username, a password and a role.");
        }
        User user = users.createUser(actor, request.username(), request.displayName() == null ? "" : request.displayName(),
                request.password(), parseRole(request.role()));
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(UserResource.of(user));
    }

    @GetMapping("/api/v1/users")
    List<UserResource> list(Actor actor) {
        return users.list(actor).stream().map(UserResource::of).toList();
    }

    @GetMapping("/api/v1/users/me")
    UserResource me(Actor actor) {
        return UserResource.of(users.get(actor.id()));
    }

    @Operation(summary = "Set or remove a user's e-mail address",
            description = "Yourself, or anyone as an admin. {\"email\": \"ana@example.com\"}; empty or null removes it. "
                    + "409 when another user has it.")
    @PutMapping("/api/v1/users/{id}/email")
    UserResource setEmail(Actor actor, @PathVariable UUID id, @RequestBody EmailChange change) {
        return UserResource.of(users.setEmail(actor, new UserId(id), change.email() == null ? "" : change.email()));
    }

    private static Role parseRole(String role) {
        try {
            return Role.valueOf(role.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("role must be one of admin, manager, contributor, reviewer, viewer.");
        }
    }
}
