package dev.atelier.brief.web;

import dev.atelier.brief.CalendarFeedManagement;
import dev.atelier.brief.CalendarFilter;
import dev.atelier.brief.CalendarManagement;
import dev.atelier.identity.Actor;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The calendar page (month or week) and the user's iCalendar feed link. */
@Controller
class CalendarPageController {

    private final CalendarManagement calendar;
    private final CalendarFeedManagement feeds;
    private final Clock clock;

    CalendarPageController(CalendarManagement calendar, CalendarFeedManagement feeds, Clock clock) {
        this.calendar = calendar;
        this.feeds = feeds;
        this.clock = clock;
    }

    @GetMapping("/calendar")
    String page(Actor actor, @RequestParam(defaultValue = "month") String view,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) Optional<LocalDate> date,
            @RequestParam(defaultValue = "false") boolean mine, Model model) {
        LocalDate today = LocalDate.now(clock);
        CalendarGrid grid = view.equals("week") ? CalendarGrid.week(date.orElse(today)) : CalendarGrid.month(date.orElse(today));
        var entries = calendar.entries(actor, grid.first(), grid.last(), mine ? CalendarFilter.MINE : CalendarFilter.ALL);
        model.addAttribute("grid", grid);
        model.addAttribute("weeks", grid.fill(entries, today));
        model.addAttribute("today", today);
        model.addAttribute("mine", mine);
        model.addAttribute("feedSince", feeds.createdAt(actor).orElse(null));
        return "brief/calendar";
    }

    /** Makes a new feed link (the old one stops working) and shows it once. */
    @PostMapping("/calendar/feed")
    String resetFeed(Actor actor, Model model) {
        model.addAttribute("feedUrl", feedUrl(feeds.reset(actor)));
        return page(actor, "month", Optional.empty(), false, model);
    }

    @PostMapping("/calendar/feed/revoke")
    String revokeFeed(Actor actor) {
        feeds.revoke(actor);
        return "redirect:/calendar";
    }

    /** The absolute feed URL, from the request's own scheme, host and port (forwarded headers honoured). */
    static String feedUrl(String token) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(CalendarFeedController.PATH).buildAndExpand(token).toUriString();
    }
}
