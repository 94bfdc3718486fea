package dev.atelier.brief.web;

import dev.atelier.brief.MyWork;
import dev.atelier.brief.MyWorkManagement;
import dev.atelier.brief.web.CalendarApiController.EntryResource;
import dev.atelier.identity.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** "My work": the page and its JSON twin. */
@Controller
@Tag(name = "Calendar")
class MyWorkController {

    private final MyWorkManagement work;
    private final Clock clock;

    MyWorkController(MyWorkManagement work, Clock clock) {
        this.work = work;
        this.clock = clock;
    }

    record ItemResource(String briefId, String title, String status, @Nullable LocalDate due, String link, @Nullable String reason) {
        static ItemResource of(MyWork.Item i) {
            return new ItemResource(i.id().toString(), i.title(), i.status().name().toLowerCase(Locale.ROOT), i.due().orElse(null), i.link(),
                    i.reason().isEmpty() ? null : i.reason());
        }
    }

    record WorkResource(List<ItemResource> assigned, List<EntryResource> dueSoon, List<ItemResource> waitingOnMe) {}

    @GetMapping("/my-work")
    String page(Actor actor, Model model) {
        model.addAttribute("work", work.of(actor));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("days", MyWorkManagement.DUE_SOON_DAYS);
        return "brief/my-work";
    }

    @Operation(summary = "What is on your plate",
            description = "'assigned': briefs you are assigned to (not rejected). 'dueSoon': due dates and milestones of your briefs "
                    + "(owner or assignee) overdue or due within " + MyWorkManagement.DUE_SOON_DAYS + " days. 'waitingOnMe': submitted "
                    + "briefs you decide at intake, and your briefs returned to you to fix.")
    @GetMapping("/api/v1/me/work")
    @ResponseBody
    WorkResource api(Actor actor) {
        MyWork w = work.of(actor);
        return new WorkResource(w.assigned().stream().map(ItemResource::of).toList(),
                w.dueSoon().stream().map(EntryResource::of).toList(), w.waitingOnMe().stream().map(ItemResource::of).toList());
    }
}
