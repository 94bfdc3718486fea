package dev.atelier.proofing.web;

import dev.atelier.proofing.InvalidAnnotationException;
import dev.atelier.proofing.Mark;
import dev.atelier.proofing.Region;
import dev.atelier.proofing.Timecode;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A mark as JSON: {@code type} image, page, video or audio; {@code page} from 1; {@code startMs}
 * and {@code endMs} (end defaults to start); {@code region} with {@code shape} pin (x, y), rect
 * (x, y, w, h) or freehand ({@code points}: [[x, y], …]), all fractions 0..1 of the picture.
 */
record MarkBody(String type, @Nullable Integer page, @Nullable Long startMs, @Nullable Long endMs, @Nullable RegionBody region) {

    record RegionBody(String shape, @Nullable Double x, @Nullable Double y, @Nullable Double w, @Nullable Double h,
            @Nullable List<List<Double>> points) {

        Region region() {
            return switch (String.valueOf(shape)) {
                case "pin" -> new Region.Pin(need(x, "x"), need(y, "y"));
                case "rect" -> new Region.Box(need(x, "x"), need(y, "y"), need(w, "w"), need(h, "h"));
                case "freehand" -> new Region.Freehand(need(points, "points").stream().map(RegionBody::point).toList());
                default -> throw new InvalidAnnotationException("A region's shape is pin, rect or freehand, not '" + shape + "'.");
            };
        }

        private static Region.Point point(@Nullable List<Double> xy) {
            if (xy == null || xy.size() != 2 || xy.get(0) == null || xy.get(1) == null) {
                throw new InvalidAnnotationException("Each point of a free-hand line is a pair [x, y].");
            }
            return new Region.Point(xy.get(0), xy.get(1));
        }

        static RegionBody of(Region region) {
            return switch (region) {
                case Region.Pin p -> new RegionBody("pin", p.x(), p.y(), null, null, null);
                case Region.Box b -> new RegionBody("rect", b.x(), b.y(), b.w(), b.h(), null);
                case Region.Freehand f -> new RegionBody("freehand", null, null, null, null,
                        f.points().stream().map(p -> List.of(p.x(), p.y())).toList());
            };
        }
    }

    /** @throws InvalidAnnotationException naming what is missing or out of range */
    Mark mark() {
        return switch (String.valueOf(type)) {
            case "image" -> new Mark.OnImage(need(region, "region").region());
            case "page" -> new Mark.OnPage(need(page, "page"), need(region, "region").region());
            case "video" -> new Mark.OnVideo(time(), Optional.ofNullable(region).map(RegionBody::region));
            case "audio" -> new Mark.OnAudio(time());
            default -> throw new InvalidAnnotationException("A mark's type is image, page, video or audio, not '" + type + "'.");
        };
    }

    private Timecode time() {
        long start = need(startMs, "startMs");
        return new Timecode(start, endMs == null ? start : endMs);
    }

    static MarkBody of(Mark mark) {
        return switch (mark) {
            case Mark.OnImage i -> new MarkBody("image", null, null, null, RegionBody.of(i.region()));
            case Mark.OnPage p -> new MarkBody("page", p.page(), null, null, RegionBody.of(p.region()));
            case Mark.OnVideo v -> new MarkBody("video", null, v.time().startMs(), v.time().endMs(), v.region().map(RegionBody::of).orElse(null));
            case Mark.OnAudio a -> new MarkBody("audio", null, a.time().startMs(), a.time().endMs(), null);
        };
    }

    private static <T> T need(@Nullable T value, String name) {
        if (value == null) {
            throw new InvalidAnnotationException("The mark needs '" + name + "'.");
        }
        return value;
    }
}
