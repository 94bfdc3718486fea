package dev.atelier.brief.web;

import dev.atelier.brief.BriefId;
import dev.atelier.brief.CalendarEntry;
import dev.atelier.brief.CalendarFeedManagement;
import dev.atelier.brief.CalendarFilter;
import dev.atelier.brief.CalendarManagement;
import dev.atelier.identity.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Calendar")
class CalendarApiController {

    private final CalendarManagement calendar;
    private final CalendarFeedManagement feeds;

    CalendarApiController(CalendarManagement calendar, CalendarFeedManagement feeds) {
        this.calendar = calendar;
        this.feeds = feeds;
    }

    /** One calendar entry; 'kind' is brief_due or milestone (more kinds come with publish dates and licences). */
    record EntryResource(LocalDate date, String kind, String uid, String title, String link, @Nullable String briefId) {
        static EntryResource of(CalendarEntry e) {
            return new EntryResource(e.date(), e.kind().name().toLowerCase(Locale.ROOT), e.key(), e.title(), e.link(),
                    e.brief().map(BriefId::toString).orElse(null));
        }
    }

    record FeedResource(String url) {}

    @Operation(summary = "Calendar entries in a date range",
            description = "Briefs' due dates and milestones from 'from' to 'to' (ISO dates, both inclusive, at most "
                    + CalendarManagement.MAX_DAYS + " days), sorted by date. Rejected briefs are left out. "
                    + "'mine=true' keeps only briefs you own or are assigned to.")
    @GetMapping("/api/v1/calendar")
    List<EntryResource> entries(Actor actor, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, @RequestParam(defaultValue = "false") boolean mine) {
        return calendar.entries(actor, from, to, mine ? CalendarFilter.MINE : CalendarFilter.ALL).stream().map(EntryResource::of).toList();
    }

    @Operation(summary = "Create or reset your iCalendar feed",
            description = "Returns the secret feed URL once (only its hash is kept); any earlier URL stops working. "
                    + "Subscribe to it from Google Calendar ('From URL') or Outlook ('Subscribe from web').")
    @PostMapping("/api/v1/calendar/feed")
    ResponseEntity<FeedResource> resetFeed(Actor actor) {
        return ResponseEntity.status(HttpStatus.CREATED).body(new FeedResource(CalendarPageController.feedUrl(feeds.reset(actor))));
    }

    @Operation(summary = "Revoke your iCalendar feed", description = "Its URL answers 404 from now on; 404 when you have none.")
    @DeleteMapping("/api/v1/calendar/feed")
    ResponseEntity<Void> revokeFeed(Actor actor) {
        feeds.revoke(actor);
        return ResponseEntity.noContent().build();
    }
}
