package dev.atelier.ingest;

import java.time.Instant;
import java.util.UUID;

/**
 * A naming convention: uploads of the types it applies to must follow its template.
 *
 * @param appliesTo {@code all}, a kind ({@code image}, {@code video}, {@code audio}, {@code document}) or a media type
 * @param mode {@code WARN}: the upload is kept and the receipt says so; {@code REJECT}: a 400 problem, nothing kept
 */
public record NamingRule(UUID id, String name, NamingTemplate template, String appliesTo, Mode mode, Instant createdAt) {

    public enum Mode { WARN, REJECT }

    public boolean appliesTo(String mediaType) {
        return switch (appliesTo) {
            case "all" -> true;
            case "image", "video", "audio" -> mediaType.startsWith(appliesTo + "/");
            case "document" -> mediaType.equals("application/pdf") || mediaType.startsWith("text/") || mediaType.contains("officedocument")
                    || mediaType.contains("opendocument") || mediaType.contains("msword");
            default -> mediaType.equalsIgnoreCase(appliesTo);
        };
    }
}
