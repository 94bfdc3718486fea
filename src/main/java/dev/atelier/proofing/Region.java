package dev.atelier.proofing;

import java.util.List;

/**
 * Where on a picture (an image, a PDF page, a video frame) an annotation points. Coordinates are
 * fractions 0..1 of the picture's width and height, so a region drawn on a 2048 px preview lands
 * on the same spot of any other rendition of the same version.
 */
public sealed interface Region permits Region.Pin, Region.Box, Region.Freehand {

    /** The most points a free-hand line may have. */
    int MAX_POINTS = 2000;

    /** One point of a picture. */
    record Point(double x, double y) {
        public Point {
            fraction("x", x);
            fraction("y", y);
        }
    }

    /** A pin stuck at one point. */
    record Pin(double x, double y) implements Region {
        public Pin {
            new Point(x, y);
        }
    }

    /** A rectangle from its top-left corner; it stays inside the picture and has an area. */
    record Box(double x, double y, double w, double h) implements Region {
        public Box {
            new Point(x, y);
            if (!(w > 0 && h > 0) || x + w > 1 + 1e-9 || y + h > 1 + 1e-9) {
                throw new InvalidAnnotationException("A rectangle needs a width and height above 0 and must stay inside the picture.");
            }
        }
    }

    /** A line drawn by hand: 2 to {@value #MAX_POINTS} points. */
    record Freehand(List<Point> points) implements Region {
        public Freehand {
            if (points.size() < 2 || points.size() > MAX_POINTS) {
                throw new InvalidAnnotationException("A free-hand line has 2 to " + MAX_POINTS + " points; this one has " + points.size() + ".");
            }
            points = List.copyOf(points);
        }
    }

    private static void fraction(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new InvalidAnnotationException("Coordinate " + name + " is " + value + "; coordinates are fractions of the picture, 0 to 1.");
        }
    }
}
