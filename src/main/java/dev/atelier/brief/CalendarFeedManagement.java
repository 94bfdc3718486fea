package dev.atelier.brief;

import dev.atelier.brief.internal.CalendarFeeds;
import dev.atelier.identity.Actor;
import dev.atelier.identity.UserManagement;
import dev.atelier.shared.NotFoundException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal iCalendar feeds: a secret URL that calendar apps (Google, Outlook, Apple) poll without
 * logging in. The token is 256 random bits; only its SHA-256 is stored, so the full URL can be
 * shown only right after it was made. Resetting makes a new token and stops the old one.
 */
@Service
public class CalendarFeedManagement {

    /** How far back and ahead a feed reaches from today. */
    public static final int DAYS_BACK = 60;
    public static final int DAYS_AHEAD = 365;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CalendarFeeds feeds;
    private final CalendarManagement calendar;
    private final UserManagement users;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    CalendarFeedManagement(CalendarFeeds feeds, CalendarManagement calendar, UserManagement users, Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.feeds = feeds;
        this.calendar = calendar;
        this.users = users;
        this.clock = clock;
    }

    /** Makes the actor's feed token, replacing (and so revoking) any earlier one. @return the token, shown once */
    @Transactional
    public String reset(Actor actor) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        feeds.replace(actor.id(), token, Instant.now(clock).truncatedTo(ChronoUnit.MICROS));
        events.publishEvent(new BriefSetupChanged(actor.id().value(), actor.id(), "calendar-feed.reset", ""));
        return token;
    }

    /** @throws NotFoundException when the actor has no feed */
    @Transactional
    public void revoke(Actor actor) {
        if (!feeds.delete(actor.id())) {
            throw new NotFoundException("calendar feed");
        }
        events.publishEvent(new BriefSetupChanged(actor.id().value(), actor.id(), "calendar-feed.revoked", ""));
    }

    /** When the actor's current feed was made; empty when there is none. */
    @Transactional(readOnly = true)
    public Optional<Instant> createdAt(Actor actor) {
        return feeds.createdAt(actor.id());
    }

    /**
     * The feed a token opens: its user's own entries from {@value #DAYS_BACK} days back to
     * {@value #DAYS_AHEAD} days ahead. Empty for an unknown or revoked token, or a disabled user.
     */
    @Transactional(readOnly = true)
    public Optional<CalendarFeed> open(String token) {
        return feeds.findUser(token).map(users::get).map(user -> {
            LocalDate today = LocalDate.now(clock);
            var query = new CalendarQuery(user.asActor(), today.minusDays(DAYS_BACK), today.plusDays(DAYS_AHEAD), true);
            return new CalendarFeed(user.username(), calendar.collect(query));
        });
    }
}
