package dev.atelier.media.web;

import dev.atelier.identity.Actor;
import dev.atelier.identity.Role;
import dev.atelier.media.internal.MediaSystem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The admin's System page: which engines make previews of which types, and how the workers and the job queue fare. */
@Controller
class SystemPageController {

    private final MediaSystem system;

    SystemPageController(MediaSystem system) {
        this.system = system;
    }

    @GetMapping("/admin/system")
    String page(Actor actor, Model model) {
        actor.require(Role.ADMIN);
        model.addAttribute("status", system.status());
        return "media/system";
    }
}
