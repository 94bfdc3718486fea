package dev.atelier.ingest.web;

import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import dev.atelier.ingest.NamingManagement;
import dev.atelier.ingest.NamingRule;
import dev.atelier.shared.InvalidRequestException;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The admin page for naming conventions; a rule that does not parse is shown as a sentence above the form. */
@Controller
class NamingPageController {

    private final NamingManagement naming;

    NamingPageController(NamingManagement naming) {
        this.naming = naming;
    }

    @GetMapping("/admin/naming")
    String page(Actor actor, Model model) {
        actor.require(Role.ADMIN);
        model.addAttribute("rules", naming.all(actor));
        return "ingest/naming";
    }

    @PostMapping("/admin/naming")
    String create(Actor actor, @RequestParam String name, @RequestParam String template, @RequestParam String appliesTo,
            @RequestParam String mode, Model model) {
        try {
            naming.create(actor, name, template, appliesTo, NamingRule.Mode.valueOf(mode.toUpperCase(Locale.ROOT)));
            return "redirect:/admin/naming";
        } catch (InvalidRequestException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("rules", naming.all(actor));
            model.addAttribute("draft", new Draft(name, template, appliesTo, mode));
            return "ingest/naming";
        }
    }

    @PostMapping("/admin/naming/{id}/delete")
    String delete(Actor actor, @PathVariable UUID id) {
        naming.delete(actor, id);
        return "redirect:/admin/naming";
    }

    record Draft(String name, String template, String appliesTo, String mode) {}
}
