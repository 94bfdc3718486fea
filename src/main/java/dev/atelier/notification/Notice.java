package dev.atelier.notification;

import dev.atelier.identity.UserId;
import java.util.Optional;

/**
 * What another module wants someone to know.
 *
 * @param recipient who is told
 * @param kind a stable machine name of the event, e.g. {@code workflow.review-requested} (1..60 characters)
 * @param title one line; the mail's subject is {@code [Atelier] <title>}; cut at 300 characters
 * @param body plain text, may be empty; cut at 4,000 characters
 * @param link a path inside Atelier such as {@code /workflows/…} (starting with one {@code /}); mails
 *     turn it into an absolute URL with {@code atelier.notification.base-url}
 * @param actor who caused it, when a person did; the actor is never mailed about their own action
 * @throws IllegalArgumentException when kind or title is blank, or the link is not a local path
 */
public record Notice(UserId recipient, String kind, String title, String body, String link, Optional<UserId> actor) {

    static final int MAX_TITLE = 300;
    static final int MAX_BODY = 4000;

    public Notice {
        if (kind.isBlank() || kind.length() > 60) {
            throw new IllegalArgumentException("a notice needs a kind of 1 to 60 characters");
        }
        if (title.isBlank()) {
            throw new IllegalArgumentException("a notice needs a title");
        }
        if (!link.startsWith("/") || link.startsWith("//") || link.startsWith("/\\") || link.length() > 1000
                || link.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a notice's link must be a path inside Atelier, like /assets/…: " + link);
        }
        title = cut(title.strip().replaceAll("\\s+", " "), MAX_TITLE);
        body = cut(body.strip(), MAX_BODY);
    }

    /** A notice about something {@code actor} did. */
    public static Notice of(UserId recipient, String kind, String title, String body, String link, UserId actor) {
        return new Notice(recipient, kind, title, body, link, Optional.of(actor));
    }

    /** Whether the recipient caused it themselves. */
    public boolean bySelf() {
        return actor.filter(recipient::equals).isPresent();
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
