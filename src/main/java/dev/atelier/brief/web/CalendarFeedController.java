package dev.atelier.brief.web;

import dev.atelier.brief.CalendarFeedManagement;
import dev.atelier.shared.Problems;
import java.time.Clock;
import java.time.Instant;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The iCalendar feeds that calendar apps subscribe to. No login: the secret token in the path is
 * the permission, so this path is open in the security configuration.
 */
@RestController
class CalendarFeedController {

    static final String PATH = "/calendar/feeds/{token}.ics";
    static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8);

    private final CalendarFeedManagement feeds;
    private final Clock clock;

    CalendarFeedController(CalendarFeedManagement feeds, Clock clock) {
        this.feeds = feeds;
        this.clock = clock;
    }

    /**
     * The feed, or a 404 problem for an unknown or revoked token (so a guess learns nothing); answered
     * here rather than by the error page, which would open a session for a client that keeps none.
     */
    @GetMapping(PATH)
    ResponseEntity<?> feed(@PathVariable String token) {
        var found = feeds.open(token);
        if (found.isEmpty()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No calendar feed has this link; it may have been reset.");
            problem.setType(Problems.NOT_FOUND);
            problem.setTitle("Not found");
            return ResponseEntity.of(problem).build();
        }
        var feed = found.get();
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        String body = ICalendarWriter.write("Atelier — " + feed.owner(), base, Instant.now(clock), feed.entries());
        return ResponseEntity.ok().contentType(TEXT_CALENDAR).cacheControl(CacheControl.noCache().cachePrivate())
                .header("X-Robots-Tag", "noindex").body(body);
    }
}
