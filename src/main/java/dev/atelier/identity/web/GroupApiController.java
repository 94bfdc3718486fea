package dev.atelier.identity.web;

import dev.atelier.identity.Actor;
import dev.atelier.identity.GroupManagement;
import dev.atelier.identity.UserGroup;
import dev.atelier.identity.UserId;
import dev.atelier.shared.Ids;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Groups")
class GroupApiController {

    private final GroupManagement groups;

    GroupApiController(GroupManagement groups) {
        this.groups = groups;
    }

    record GroupBody(@Nullable String name, @Nullable List<String> memberIds) {
        List<UserId> members() {
            return Objects.requireNonNullElse(memberIds, List.<String>of()).stream().map(id -> new UserId(Ids.parse(id))).toList();
        }
    }

    record GroupResource(String id, String name, List<String> memberIds) {
        static GroupResource of(UserGroup g) {
            return new GroupResource(g.id().toString(), g.name(), g.members().stream().map(UserId::toString).toList());
        }
    }

    @Operation(summary = "Groups of users, by name")
    @GetMapping("/api/v1/groups")
    List<GroupResource> list(Actor actor) {
        return groups.all(actor).stream().map(GroupResource::of).toList();
    }

    @Operation(summary = "Create a group (admins)")
    @PostMapping("/api/v1/groups")
    ResponseEntity<GroupResource> create(Actor actor, @RequestBody GroupBody body) {
        UserGroup g = groups.create(actor, Objects.requireNonNullElse(body.name(), ""), body.members());
        return ResponseEntity.created(URI.create("/api/v1/groups/" + g.id())).body(GroupResource.of(g));
    }

    @Operation(summary = "Rename a group and replace its members (admins)")
    @PutMapping("/api/v1/groups/{id}")
    GroupResource change(Actor actor, @PathVariable UUID id, @RequestBody GroupBody body) {
        return GroupResource.of(groups.change(actor, id, Objects.requireNonNullElse(body.name(), ""), body.members()));
    }

    @DeleteMapping("/api/v1/groups/{id}")
    ResponseEntity<Void> delete(Actor actor, @PathVariable UUID id) {
        groups.delete(actor, id);
        return ResponseEntity.noContent().build();
    }

}
