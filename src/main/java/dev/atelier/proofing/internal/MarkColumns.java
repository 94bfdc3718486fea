package dev.atelier.proofing.internal;

import dev.atelier.proofing.Mark;
import dev.atelier.proofing.Region;
import dev.atelier.proofing.Timecode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** A {@link Mark} as the columns of {@code proof_annotations}, and back. */
record MarkColumns(String kind, @Nullable Integer page, @Nullable Long startMs, @Nullable Long endMs, @Nullable String shape,
        @Nullable Double x, @Nullable Double y, @Nullable Double w, @Nullable Double h, @Nullable String points) {

    static MarkColumns of(Mark mark) {
        return switch (mark) {
            case Mark.OnImage i -> region("IMAGE", null, null, i.region());
            case Mark.OnPage p -> region("PAGE", p.page(), null, p.region());
            case Mark.OnVideo v -> v.region().map(r -> region("VIDEO", null, v.time(), r))
                    .orElseGet(() -> new MarkColumns("VIDEO", null, v.time().startMs(), v.time().endMs(), null, null, null, null, null, null));
            case Mark.OnAudio a -> new MarkColumns("AUDIO", null, a.time().startMs(), a.time().endMs(), null, null, null, null, null, null);
        };
    }

    private static MarkColumns region(String kind, @Nullable Integer page, @Nullable Timecode time, Region region) {
        Long start = time == null ? null : time.startMs();
        Long end = time == null ? null : time.endMs();
        return switch (region) {
            case Region.Pin p -> new MarkColumns(kind, page, start, end, "PIN", p.x(), p.y(), null, null, null);
            case Region.Box b -> new MarkColumns(kind, page, start, end, "BOX", b.x(), b.y(), b.w(), b.h(), null);
            case Region.Freehand f -> new MarkColumns(kind, page, start, end, "FREEHAND", null, null, null, null, points(f.points()));
        };
    }

    static MarkColumns read(ResultSet rs) throws SQLException {
        return new MarkColumns(rs.getString("kind"), rs.getObject("page", Integer.class), rs.getObject("start_ms", Long.class),
                rs.getObject("end_ms", Long.class), rs.getString("shape"), rs.getObject("x", Double.class), rs.getObject("y", Double.class),
                rs.getObject("w", Double.class), rs.getObject("h", Double.class), rs.getString("points"));
    }

    Mark mark() {
        return switch (kind) {
            case "IMAGE" -> new Mark.OnImage(region().orElseThrow());
            case "PAGE" -> new Mark.OnPage(page, region().orElseThrow());
            case "VIDEO" -> new Mark.OnVideo(new Timecode(startMs, endMs), region());
            case "AUDIO" -> new Mark.OnAudio(new Timecode(startMs, endMs));
            default -> throw new IllegalStateException("unknown annotation kind " + kind);
        };
    }

    private Optional<Region> region() {
        if (shape == null) {
            return Optional.empty();
        }
        return Optional.of(switch (shape) {
            case "PIN" -> new Region.Pin(x, y);
            case "BOX" -> new Region.Box(x, y, w, h);
            case "FREEHAND" -> new Region.Freehand(parse(points));
            default -> throw new IllegalStateException("unknown region shape " + shape);
        });
    }

    private static String points(List<Region.Point> points) {
        var text = new StringBuilder();
        for (Region.Point p : points) {
            text.append(text.isEmpty() ? "" : ";").append(String.format(Locale.ROOT, "%.6f,%.6f", p.x(), p.y()));
        }
        return text.toString();
    }

    private static List<Region.Point> parse(String text) {
        List<Region.Point> points = new ArrayList<>();
        for (String pair : text.split(";")) {
            int comma = pair.indexOf(',');
            points.add(new Region.Point(Double.parseDouble(pair.substring(0, comma)), Double.parseDouble(pair.substring(comma + 1))));
        }
        return points;
    }
}
