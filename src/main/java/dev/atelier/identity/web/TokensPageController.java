package dev.atelier.identity.web;

import dev.atelier.identity.Actor;
import dev.atelier.identity.TokenManagement;
import dev.atelier.identity.UserManagement;
import dev.atelier.shared.InvalidRequestException;
import dev.atelier.shared.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The user's own personal access tokens: create (secret shown once), list, revoke. */
@Controller
class TokensPageController {

    private final TokenManagement tokens;
    private final UserManagement users;
    private final Clock clock;

    TokensPageController(TokenManagement tokens, UserManagement users, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.clock = clock;
    }

    @GetMapping("/account/tokens")
    String page(Actor actor, Model model) {
        model.addAttribute("tokens", tokens.list(actor));
        if (!model.containsAttribute("email")) {
            model.addAttribute("email", users.get(actor.id()).email().orElse(""));
        }
        return "identity/tokens";
    }

    @PostMapping("/account/tokens")
    String create(Actor actor, @RequestParam String name, @RequestParam(defaultValue = "90") int days, Model model) {
        try {
            Optional<Instant> expires = days > 0 ? Optional.of(Instant.now(clock).plus(Duration.ofDays(days))) : Optional.empty();
            model.addAttribute("issued", tokens.issue(actor, name, expires));
        } catch (InvalidRequestException e) {
            model.addAttribute("error", e.getMessage());
        }
        return page(actor, model);
    }

    @PostMapping("/account/email")
    String setEmail(Actor actor, @RequestParam(defaultValue = "") String email, Model model) {
        try {
            users.setEmail(actor, actor.id(), email);
        } catch (ProblemException e) {
            model.addAttribute("emailError", e.getMessage());
            model.addAttribute("email", email);
            return page(actor, model);
        }
        return "redirect:/account/tokens?email#email";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(Actor actor, @PathVariable UUID id) {
        tokens.revoke(actor, id);
        return "redirect:/account/tokens";
    }
}
