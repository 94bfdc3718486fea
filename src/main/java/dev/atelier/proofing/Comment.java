package dev.atelier.proofing;

import dev.atelier.asset.AssetId;
import dev.atelier.identity.UserId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One message of an annotation's thread; the first one is the annotation's own text.
 *
 * @param mentions the users its {@code @username}s named, in order; names of no user stay plain text
 * @param attachments library assets it points to
 */
public record Comment(UUID id, UserId author, String body, List<UserId> mentions, List<AssetId> attachments, Instant createdAt) {

    public static final int MAX_BODY = 10_000;
    public static final int MAX_ATTACHMENTS = 20;

    public Comment {
        mentions = List.copyOf(mentions);
        attachments = List.copyOf(attachments);
    }

    /** The text as it will be stored, checked. */
    public static String checkedBody(String body) {
        String text = body.strip();
        if (text.isEmpty() || text.length() > MAX_BODY) {
            throw new InvalidAnnotationException("A comment needs 1 to " + MAX_BODY + " characters.");
        }
        return text;
    }

    /** The first line, at most {@code max} characters, for lists and checklists. */
    public String firstLine(int max) {
        String line = body.lines().findFirst().orElse("").strip();
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }
}
