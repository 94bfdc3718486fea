package dev.atelier.proofing;

import dev.atelier.asset.AssetId;
import dev.atelier.asset.AssetVersion;
import java.util.Map;
import java.util.Optional;

/** Whether a mark suits the version it is put on: its kind for the media type, its page and times within what the media engines found. */
final class MarkFit {

    private MarkFit() {
    }

    /**
     * @param facts what the media module learnt of the version (pages, duration in seconds); empty until processed
     * @throws InvalidAnnotationException when it does not fit
     */
    static void check(AssetId asset, AssetVersion version, Mark mark, Map<String, String> facts) {
        String type = version.mediaType();
        boolean fits = switch (mark) {
            case Mark.OnVideo v -> type.startsWith("video/");
            case Mark.OnAudio a -> type.startsWith("audio/");
            case Mark.OnPage p -> type.equals("application/pdf") || !playable(type) && facts.containsKey("pages");
            case Mark.OnImage i -> !type.equals("application/pdf") && !playable(type);
        };
        if (!fits) {
            throw new InvalidAnnotationException("A " + kind(mark) + " annotation does not fit version " + version.number() + " of asset "
                    + asset + " (" + type + "); " + expected(type) + ".");
        }
        number(facts, "pages").map(Double::intValue).ifPresent(pages -> mark.onPage().filter(p -> p > pages).ifPresent(p -> {
            throw new InvalidAnnotationException("Page " + p + " does not exist; version " + version.number() + " has " + pages + " pages.");
        }));
        Optional<Long> endMs = switch (mark) {
            case Mark.OnVideo v -> Optional.of(v.time().endMs());
            case Mark.OnAudio a -> Optional.of(a.time().endMs());
            default -> Optional.empty();
        };
        // a second of slack: players round the last frame's time
        number(facts, "duration").map(s -> (long) (s * 1000) + 1000).ifPresent(limit -> endMs.filter(end -> end > limit).ifPresent(end -> {
            throw new InvalidAnnotationException("The time " + end + " ms is past the end of version " + version.number() + ".");
        }));
    }

    private static boolean playable(String type) {
        return type.startsWith("video/") || type.startsWith("audio/");
    }

    private static String kind(Mark mark) {
        return switch (mark) {
            case Mark.OnImage i -> "image";
            case Mark.OnPage p -> "page";
            case Mark.OnVideo v -> "video";
            case Mark.OnAudio a -> "audio";
        };
    }

    private static String expected(String type) {
        if (type.startsWith("video/")) {
            return "mark a video with a time (and optionally a region of the frame)";
        }
        if (type.startsWith("audio/")) {
            return "mark audio with a time range";
        }
        return type.equals("application/pdf") ? "mark a PDF on a page" : "mark it on the image (or a page, when it has pages)";
    }

    private static Optional<Double> number(Map<String, String> facts, String key) {
        try {
            return Optional.ofNullable(facts.get(key)).map(Double::parseDouble);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
