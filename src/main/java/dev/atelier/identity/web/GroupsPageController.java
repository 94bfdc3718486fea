package dev.atelier.identity.web;

import dev.atelier.identity.Actor;
import dev.atelier.identity.GroupManagement;
import dev.atelier.identity.Role;
import dev.atelier.identity.UserId;
import dev.atelier.identity.UserManagement;
import dev.atelier.shared.ProblemException;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Admins make groups of users (a legal team, brand reviewers) that workflow stages name as reviewers. */
@Controller
class GroupsPageController {

    private final GroupManagement groups;
    private final UserManagement users;

    GroupsPageController(GroupManagement groups, UserManagement users) {
        this.groups = groups;
        this.users = users;
    }

    @GetMapping("/admin/groups")
    String page(Actor actor, Model model) {
        actor.require(Role.ADMIN);
        model.addAttribute("groups", groups.all(actor));
        model.addAttribute("people", users.directory(actor));
        return "identity/groups";
    }

    @PostMapping("/admin/groups")
    String save(Actor actor, @RequestParam(required = false) UUID id, @RequestParam String name, @RequestParam(required = false) List<UUID> members,
            Model model) {
        List<UserId> chosen = members == null ? List.of() : members.stream().map(UserId::new).toList();
        try {
            if (id == null) {
                groups.create(actor, name, chosen);
            } else {
                groups.change(actor, id, name, chosen);
            }
            return "redirect:/admin/groups?saved";
        } catch (ProblemException e) {
            model.addAttribute("error", e.getMessage());
            return page(actor, model);
        }
    }

    @PostMapping("/admin/groups/{id}/delete")
    String delete(Actor actor, @PathVariable UUID id) {
        groups.delete(actor, id);
        return "redirect:/admin/groups";
    }
}
