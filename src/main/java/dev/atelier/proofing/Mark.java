package dev.atelier.proofing;

import java.util.Optional;

/** What of a version an annotation is about; which kinds fit depends on the version's media type. */
public sealed interface Mark permits Mark.OnImage, Mark.OnPage, Mark.OnVideo, Mark.OnAudio {

    /** A region of an image. */
    record OnImage(Region region) implements Mark {}

    /** A region of one page (from 1) of a PDF or multi-page document. */
    record OnPage(int page, Region region) implements Mark {
        public OnPage {
            if (page < 1) {
                throw new InvalidAnnotationException("Pages are numbered from 1.");
            }
        }
    }

    /** A moment or range of a video, and optionally a region of its frame. */
    record OnVideo(Timecode time, Optional<Region> region) implements Mark {}

    /** A moment or range of audio. */
    record OnAudio(Timecode time) implements Mark {}

    /** The page it is on; empty for marks without pages. */
    default Optional<Integer> onPage() {
        return this instanceof OnPage p ? Optional.of(p.page()) : Optional.empty();
    }

    /** A short, human description: "page 2", "0:12–0:15". */
    default String describe() {
        return switch (this) {
            case OnImage i -> "image";
            case OnPage p -> "page " + p.page();
            case OnVideo v -> "video " + clock(v.time());
            case OnAudio a -> "audio " + clock(a.time());
        };
    }

    private static String clock(Timecode t) {
        return t.isRange() ? clock(t.startMs()) + "–" + clock(t.endMs()) : clock(t.startMs());
    }

    private static String clock(long ms) {
        long s = ms / 1000;
        return String.format("%d:%02d.%01d", s / 60, s % 60, (ms % 1000) / 100);
    }
}
