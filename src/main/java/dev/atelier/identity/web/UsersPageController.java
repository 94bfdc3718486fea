package dev.atelier.identity.web;

import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import dev.atelier.identity.UserId;
import dev.atelier.identity.UserManagement;
import dev.atelier.shared.ProblemException;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Admins create accounts and see who has which role. */
@Controller
class UsersPageController {

    private final UserManagement users;

    UsersPageController(UserManagement users) {
        this.users = users;
    }

    @GetMapping("/admin/users")
    String page(Actor actor, Model model) {
        model.addAttribute("users", users.list(actor));
        model.addAttribute("roles", Role.values());
        return "identity/users";
    }

    @PostMapping("/admin/users")
    String create(Actor actor, @RequestParam String username, @RequestParam(defaultValue = "") String displayName,
            @RequestParam String password, @RequestParam String role, Model model) {
        try {
            var user = users.createUser(actor, username, displayName, password, Role.valueOf(role.toUpperCase(Locale.ROOT)));
            model.addAttribute("created", user);
        } catch (ProblemException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("form", new Form(username, displayName, role));
        }
        return page(actor, model);
    }

    @PostMapping("/admin/users/{id}/email")
    String setEmail(Actor actor, @PathVariable UUID id, @RequestParam(defaultValue = "") String email, Model model) {
        try {
            users.setEmail(actor, new UserId(id), email);
        } catch (ProblemException e) {
            model.addAttribute("error", e.getMessage());
            return page(actor, model);
        }
        return "redirect:/admin/users?email";
    }

    record Form(String username, String displayName, String role) {
    }
}
